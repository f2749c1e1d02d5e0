import Testing

@testable import Inventory

@Test func serviceLinkedRolesAreRecognisedByPath() {
  #expect(
    Role(arn: "arn:aws:iam::1:role/aws-service-role/x", name: "x", path: "/aws-service-role/x/", id: "AROA1")
      .isServiceLinked)
  #expect(!Role(arn: "arn:aws:iam::1:role/x", name: "x", id: "AROA1").isServiceLinked)
}
