import Testing

@testable import PolicyLanguage

@Test func moduleIsLinked() {
  #expect(PolicyLanguageModule.name == "PolicyLanguage")
}
