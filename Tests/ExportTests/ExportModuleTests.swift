import Testing

@testable import Export

@Test func moduleIsLinked() {
  #expect(ExportModule.name == "Export")
}
