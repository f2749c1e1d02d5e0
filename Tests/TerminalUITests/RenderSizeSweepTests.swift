import Testing

@testable import TerminalUI

/// Every view at every size from the minimum up: nothing crashes, nothing spills past the edge.
@Suite struct RenderSizeSweepTests {
  static let views: [(String, [Key])] = [
    ("browse", []), ("buckets", [.down, .tab, .tab, .down]), ("matrix", [.character("2")]),
    ("explain", [.character("2"), .character("r"), .right, .enter]),
    ("who-can", [.down, .tab, .tab, .down, .enter]),
    ("gaps", [.character("3")]), ("help", [.character("?")]), ("filter", [.character("/"), .character("x")]),
  ]

  @Test(arguments: views.map(\.0))
  func everySizeRenders(view: String) {
    let keys = Self.views.first { $0.0 == view }?.1 ?? []
    for columns in stride(from: 40, through: 130, by: 15) {
      for rows in stride(from: 10, through: 45, by: 7) {
        let size = ScreenSize(columns: columns, rows: rows)
        let state = keys.reduce(AppState(model: sampleModel, size: size), reduce)
        let screen = render(state, size: size)
        let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == rows, "\(view) at \(columns)x\(rows)")
        #expect(
          lines.allSatisfy { TerminalText.width(String($0)) <= columns }, "\(view) at \(columns)x\(rows)")
      }
    }
  }
}
