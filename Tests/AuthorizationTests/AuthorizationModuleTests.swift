import Testing

@testable import Authorization

@Test func moduleIsLinked() {
  #expect(AuthorizationModule.name == "Authorization")
}
