import Testing

@testable import Inventory

@Test func serviceLinkedRolesAreRecognisedByPath() {
  #expect(
    Role(arn: "arn:aws:iam::1:role/aws-service-role/x", name: "x", path: "/aws-service-role/x/", id: "AROA1")
      .isServiceLinked)
  #expect(!Role(arn: "arn:aws:iam::1:role/x", name: "x", id: "AROA1").isServiceLinked)
}

@Test func awsManagedPoliciesAreRecognisedInEveryPartition() {
  #expect(ManagedPolicy(arn: "arn:aws:iam::aws:policy/ReadOnlyAccess", name: "", document: nil).isAWSManaged)
  #expect(
    ManagedPolicy(arn: "arn:aws-cn:iam::aws:policy/ReadOnlyAccess", name: "", document: nil).isAWSManaged)
  #expect(!ManagedPolicy(arn: "arn:aws:iam::111111111111:policy/aws", name: "", document: nil).isAWSManaged)
}

@Test func keysMatchTheirIdOrARN() {
  let key = KMSKey(
    id: "k1", arn: "arn:aws:kms:eu-west-1:111111111111:key/k1", account: "111111111111", region: "eu-west-1")
  #expect(key.matches("k1"))
  #expect(key.matches("arn:aws:kms:eu-west-1:111111111111:key/k1"))
  #expect(!key.matches("arn:aws:kms:us-east-1:111111111111:key/k1"))
  #expect(!key.matches("arn:aws:kms:eu-west-1:222222222222:key/k1"))
  #expect(!key.matches("alias/k1"))
  let withoutRegion = KMSKey(id: "k1", arn: "arn:aws:kms::111111111111:key/k1", account: "111111111111")
  #expect(withoutRegion.matches("arn:aws:kms:us-east-1:111111111111:key/k1"))
}

@Test func organizationPathsAndPolicyLevels() {
  let scp = OrganizationPolicy(
    id: "p-1", name: "deny", kind: .serviceControl, document: nil, targetIds: ["ou-1"])
  let rcp = OrganizationPolicy(
    id: "p-2", name: "rcp", kind: .resourceControl, document: nil, targetIds: ["r-1"])
  let organization = Organization(
    id: "o-1", rootId: "r-1",
    accounts: [OrganizationAccount(id: "111111111111", name: "a", parentId: "ou-2")],
    units: [
      OrganizationalUnit(id: "ou-1", name: "one", parentId: "r-1"),
      OrganizationalUnit(id: "ou-2", name: "two", parentId: "ou-1"),
    ], policies: [scp, rcp])
  #expect(organization.path(to: "111111111111") == ["r-1", "ou-1", "ou-2"])
  #expect(
    organization.policyLevels(for: "111111111111", kind: .serviceControl).map { $0.map(\.id) } == [
      [], ["p-1"], [], [],
    ])
  #expect(organization.policies(attachedTo: "r-1", kind: .resourceControl).map(\.id) == ["p-2"])
  let cyclic = Organization(
    id: "o-2",
    units: [
      OrganizationalUnit(id: "ou-a", name: "a", parentId: "ou-b"),
      OrganizationalUnit(id: "ou-b", name: "b", parentId: "ou-a"),
    ])
  #expect(cyclic.path(to: "ou-a") == ["ou-b"])
}

@Test func pageNamesSortByNumberValue() {
  let names = ["page-10.json", "page-2.json", "page-1.json", "page.json"]
  #expect(
    names.sorted(by: NaturalOrder.precedes) == ["page-1.json", "page-2.json", "page-10.json", "page.json"])
}
