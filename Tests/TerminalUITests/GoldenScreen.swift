import Foundation
import Testing

@testable import TerminalUI

/// Compares a rendered screen with its golden text and style mask under Golden/
/// (`NAME.txt` and `NAME.style.txt`); `UPDATE_GOLDEN=1 swift test` rewrites them.
enum GoldenScreen {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Golden")

  static func check(_ buffer: ScreenBuffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let files = [
      (folder.appendingPathComponent("\(name).txt"), buffer.text + "\n"),
      (folder.appendingPathComponent("\(name).style.txt"), buffer.styleMask + "\n"),
    ]
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for (url, content) in files { try content.write(to: url, atomically: true, encoding: .utf8) }
      return
    }
    for (url, actual) in files {
      let expected = try? String(contentsOf: url, encoding: .utf8)
      #expect(
        expected == actual, "\(url.lastPathComponent) differs (UPDATE_GOLDEN=1 regenerates):\n\(actual)",
        sourceLocation: sourceLocation)
    }
  }
}

/// Builds states by pressing keys, the way a user would.
func press(_ state: AppState, _ keys: Key...) -> AppState {
  keys.reduce(state, reduce)
}

/// Keys for typing text (each character one key).
func typing(_ text: String) -> [Key] { text.map { Key.character($0) } }

/// The model of SampleData/upload-only-prefixes (the "done when" scenario), through the trust graph.
let sampleModel: BrowserModel = {
  do {
    return try AdapterScenario.uploadOnlyPrefixes.get()
  } catch {
    fatalError("SampleData/upload-only-prefixes does not load: \(error)")
  }
}()

/// The sample state at a size.
func sampleState(_ columns: Int = 120, _ rows: Int = 40, glyphs: GlyphSet = .unicode) -> AppState {
  AppState(model: sampleModel, size: ScreenSize(columns: columns, rows: rows), glyphs: glyphs)
}
