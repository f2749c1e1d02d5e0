import Testing

@testable import TerminalUI

@Test func moduleIsLinked() {
  #expect(TerminalUIModule.name == "TerminalUI")
}
