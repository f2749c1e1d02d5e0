import Testing

@testable import TerminalUI

/// Whole screens compared with Golden/ (text and style mask) at 120×40, 80×24 and narrow sizes.
@Suite struct RenderGoldenTests {
  static let sizes = [
    ScreenSize(columns: 120, rows: 40), ScreenSize(columns: 80, rows: 24), ScreenSize(columns: 60, rows: 20),
  ]

  func check(_ state: AppState, _ name: String, sizes: [ScreenSize] = sizes) throws {
    for size in sizes {
      let sized = press(state, .resize(size))
      #expect(sized.size == size, "the screen model takes the terminal's size before rendering")
      try GoldenScreen.check(render(sized, size: size), "\(name).\(size.columns)x\(size.rows)")
    }
  }

  @Test func browseHome() throws {
    try check(sampleState(), "browse-home")
  }

  @Test func browseBucketsOfAccountB() throws {
    try check(press(sampleState(), .down, .tab, .tab, .down), "browse-buckets")
  }

  @Test func matrixWrite() throws {
    try check(press(sampleState(), .character("2"), .down), "matrix-write")
  }

  @Test func matrixWithEveryVerdict() throws {
    let state = press(
      AppState(model: MixedVerdictModel.model, size: ScreenSize(columns: 80, rows: 24)), .character("2"))
    try check(state, "matrix-mixed", sizes: [ScreenSize(columns: 80, rows: 24)])
    try check(
      AppState(model: MixedVerdictModel.model, size: ScreenSize(columns: 80, rows: 24), glyphs: .ascii)
        .reducing(.character("2")),
      "matrix-mixed-ascii", sizes: [ScreenSize(columns: 80, rows: 24)])
  }

  @Test func pathsAllowedWrite() throws {
    try check(press(sampleState(), .character("2"), .right, .right, .enter), "paths-write")
  }

  @Test func explainDeniedRead() throws {
    try check(press(sampleState(), .character("2"), .character("r"), .right, .right, .enter), "explain-read")
  }

  @Test func whoCanPrefix() throws {
    try check(press(sampleState(), .down, .tab, .tab, .down, .down, .enter), "who-can-foo")
  }

  @Test func canWhatUser() throws {
    try check(
      press(sampleState(), .enter, .enter), "can-what-bobbytables", sizes: [ScreenSize(columns: 80, rows: 24)]
    )
  }

  @Test func gapsList() throws {
    try check(press(sampleState(), .character("3")), "gaps")
  }

  @Test func helpOverlay() throws {
    try check(
      press(sampleState(), .character("2"), .character("?")), "help-matrix",
      sizes: [ScreenSize(columns: 80, rows: 24)])
  }

  @Test func filterBeingTyped() throws {
    let state = typing("bobby").reduce(press(sampleState(), .tab, .character("/")), reduce)
    try check(state, "filter-typing", sizes: [ScreenSize(columns: 80, rows: 24)])
  }

  @Test func terminalTooSmall() throws {
    try check(sampleState(), "too-small", sizes: [ScreenSize(columns: 30, rows: 8)])
  }
}

extension AppState {
  func reducing(_ key: Key) -> AppState { reduce(self, key) }
}
