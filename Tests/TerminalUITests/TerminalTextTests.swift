import Testing

@testable import TerminalUI

@Suite struct TerminalTextTests {
  @Test func controlCharactersAreNeutralised() {
    #expect(TerminalText.neutralised("evil\u{1B}[31mred\u{07}") == "evil?[31mred?")
    #expect(TerminalText.neutralised("a\u{202E}b\u{9B}c") == "a?b?c")
  }

  @Test func widthsCountWideCharactersTwice() {
    #expect(TerminalText.width("abc") == 3)
    #expect(TerminalText.width("日本") == 4)
    #expect(TerminalText.width("✓◐✗·→") == 5)
  }

  @Test func theBufferCutsLongTextWithAnEllipsisAndKeepsWideCharactersWhole() {
    var buffer = ScreenBuffer(size: ScreenSize(columns: 6, rows: 1), glyphs: .unicode)
    buffer.write("abcdefgh", x: 0, y: 0)
    #expect(buffer.text == "abcde…")
    var wide = ScreenBuffer(size: ScreenSize(columns: 5, rows: 1), glyphs: .unicode)
    wide.write("日本語", x: 0, y: 0)
    #expect(wide.text == "日本…")
  }

  @Test func asciiScreensCarryOnlyAscii() {
    var buffer = ScreenBuffer(size: ScreenSize(columns: 12, rows: 1), glyphs: .ascii)
    buffer.write("✓ · 日本 ok", x: 0, y: 0)
    #expect(buffer.text == "+ . ?? ok")
    let state = AppState(model: sampleModel, size: ScreenSize(columns: 80, rows: 24), glyphs: .ascii)
    for keys in [[Key.character("2")], [.character("2"), .enter], [.character("?")], [.character("3")]] {
      let screen = render(keys.reduce(state, reduce), size: state.size)
      #expect(screen.cells.allSatisfy { $0.character.isASCII }, "\(screen.text)")
    }
  }

  @Test func hostileNamesReachTheScreenNeutralised() {
    let state = press(
      AppState(model: MixedVerdictModel.model, size: ScreenSize(columns: 100, rows: 30)), .character("2"))
    let screen = render(state, size: state.size)
    #expect(screen.text.contains("role/evil?[31mred?"))
    #expect(!screen.cells.contains { $0.character.unicodeScalars.contains { $0.value < 32 } })
  }

  @Test func osc52EncodesTheTextInBase64() {
    #expect(ClipboardSequence.osc52("hi") == "\u{1B}]52;c;aGk=\u{07}")
  }
}
