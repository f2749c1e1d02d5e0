import Testing

@testable import TrustGraph

@Test func moduleIsLinked() {
  #expect(TrustGraphModule.name == "TrustGraph")
}
