/// The groups every synthesized account has.
enum SynthGroups: String, CaseIterable {
  case admins, developers, auditors, dataAnalysts = "data-analysts"

  static let all = allCases
}

/// Users and groups: a CI user that assumes deploy roles everywhere, a break-glass admin, and people.
extension IAMSynthesizer {
  mutating func group(_ group: SynthGroups) -> SynthJSON {
    let own = account.id
    var inline: [(name: String, document: SynthJSON)] = []
    var attached: [String] = []
    switch group {
    case .admins: attached = ["AdministratorAccess"]
    case .developers:
      attached = ["PowerUserAccess"]
      inline = [
        (
          "no-iam-users",
          SynthPolicy.document([
            SynthPolicy.statement(
              effect: "Deny", actions: ["iam:CreateUser", "iam:CreateAccessKey"], resources: ["*"])
          ])
        )
      ]
    case .auditors: attached = [SynthManagedPolicies.auditReadArn(own)]
    case .dataAnalysts:
      inline = [
        (
          "assume-data-consumer",
          SynthPolicy.document([
            SynthPolicy.allow(["sts:AssumeRole"], ["arn:aws:iam::\(own):role/data/data-consumer"])
          ])
        )
      ]
    }
    return [
      "Path": "/", "GroupName": .string(group.rawValue),
      "GroupId": .string(SynthIdentifiers.uniqueId("AGPA", &random)),
      "Arn": "arn:aws:iam::\(own):group/\(group.rawValue)",
      "CreateDate": .string(SynthIdentifiers.timestamp(&random)),
      "GroupPolicyList": Self.inline(inline),
      "AttachedManagedPolicies": .array(attached.map { attachment($0) }),
    ]
  }

  mutating func user(_ index: Int) -> SynthJSON {
    let own = account.id
    var path = "/"
    let name: String
    var groups: [SynthGroups] = []
    var inline: [(name: String, document: SynthJSON)] = []
    var boundaryArn: String?
    var tags: [SynthJSON] = []
    switch index {
    case 0:
      (path, name) = ("/ci/", "ci-deployer")
      inline = [
        (
          "assume-deployers",
          SynthPolicy.document([SynthPolicy.allow(["sts:AssumeRole"], ["arn:aws:iam::*:role/deploy/*"])])
        )
      ]
      tags = [["Key": "purpose", "Value": "ci"]]
    case 1:
      name = "break-glass-admin"
      groups = [.admins]
    default:
      let people = SynthCatalog.firstNames.count * SynthCatalog.lastNames.count
      let person = (index - 2) % people
      let first = SynthCatalog.firstNames[person % SynthCatalog.firstNames.count]
      let last = SynthCatalog.lastNames[
        (person / SynthCatalog.firstNames.count + account.index) % SynthCatalog.lastNames.count]
      name = index - 2 < people ? "\(first).\(last)" : "\(first).\(last)\(index)"
      let roll = random.below(100)
      groups = roll < 50 ? [.developers] : roll < 75 ? [.dataAnalysts] : roll < 90 ? [.auditors] : [.admins]
      if groups == [.developers] && random.chance(20) { boundaryArn = SynthManagedPolicies.boundaryArn(own) }
      if random.chance(20) {
        inline = [
          (
            "home-folder",
            SynthPolicy.document([
              SynthPolicy.allow(
                ["s3:GetObject", "s3:PutObject"],
                ["arn:aws:s3:::\(blueprint.company)-\(own)-*/home/${aws:username}/*"])
            ])
          )
        ]
      }
      tags = [["Key": "team", "Value": .string(account.name)]]
    }
    var members: [(String, SynthJSON)] = [
      ("Path", .string(path)), ("UserName", .string(name)),
      ("UserId", .string(SynthIdentifiers.uniqueId("AIDA", &random))),
      ("Arn", "arn:aws:iam::\(own):user\(path)\(name)"),
      ("CreateDate", .string(SynthIdentifiers.timestamp(&random))),
      ("UserPolicyList", Self.inline(inline)), ("GroupList", .strings(groups.map(\.rawValue))),
      ("AttachedManagedPolicies", []),
    ]
    if let boundaryArn { members.append(("PermissionsBoundary", boundary(boundaryArn))) }
    members.append(("Tags", .array(tags)))
    return .object(members)
  }
}
