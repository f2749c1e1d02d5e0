/// Writes one account's `iam get-account-authorization-details` output: users, groups, roles and
/// the managed policies they use, with attachment counts that match.
struct IAMSynthesizer {
  let blueprint: OrganizationBlueprint
  let account: OrganizationBlueprint.Account
  let traits: AccountTraits
  var random: SplitMix64
  /// Attachments and boundary uses per policy ARN, counted as users, groups and roles are written.
  private var attachmentCounts: [String: Int] = [:]
  private var boundaryCounts: [String: Int] = [:]

  init(blueprint: OrganizationBlueprint, account: OrganizationBlueprint.Account, traits: AccountTraits) {
    self.blueprint = blueprint
    self.account = account
    self.traits = traits
    random = blueprint.random(UInt64(account.index), 0x1A4)
  }

  mutating func authorizationDetails() -> SynthJSON {
    let users = (0..<blueprint.options.usersPerAccount).map { user($0) }
    let groups = SynthGroups.all.map { group($0) }
    let roles = (0..<blueprint.options.rolesPerAccount).map { role($0) }
    return [
      "UserDetailList": .array(users), "GroupDetailList": .array(groups), "RoleDetailList": .array(roles),
      "Policies": .array(managedPolicies()),
    ]
  }

  /// An `AttachedManagedPolicies` entry for an AWS-managed policy name or a customer policy ARN.
  mutating func attachment(_ nameOrArn: String) -> SynthJSON {
    let arn: String
    if nameOrArn.hasPrefix("arn:") {
      arn = nameOrArn
    } else {
      let path = SynthPolicy.awsManaged.first { $0.name == nameOrArn }?.path ?? "/"
      arn = SynthPolicy.awsManagedArn(nameOrArn, path: path)
    }
    attachmentCounts[arn, default: 0] += 1
    return ["PolicyName": .string(String(arn.split(separator: "/").last!)), "PolicyArn": .string(arn)]
  }

  /// A `PermissionsBoundary` value, counted as a use of that policy.
  mutating func boundary(_ arn: String) -> SynthJSON {
    boundaryCounts[arn, default: 0] += 1
    return ["PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": .string(arn)]
  }

  static func inline(_ policies: [(name: String, document: SynthJSON)]) -> SynthJSON {
    .array(policies.map { ["PolicyName": .string($0.name), "PolicyDocument": $0.document] })
  }

  private mutating func role(_ index: Int) -> SynthJSON {
    let name = blueprint.roleName(index, in: account)
    let specification = RoleSpecification(
      index: index, account: account, blueprint: blueprint, traits: traits)
    let arn = name.arn(account.id)
    let roleId = SynthIdentifiers.uniqueId("AROA", &random)
    let created = SynthIdentifiers.timestamp(&random)
    var profiles: [SynthJSON] = []
    if specification.hasInstanceProfile {
      let summary: SynthJSON = [
        "Path": .string(name.path), "RoleName": .string(name.name), "RoleId": .string(roleId),
        "Arn": .string(arn),
        "CreateDate": .string(created), "AssumeRolePolicyDocument": specification.trust,
      ]
      profiles.append([
        "Path": "/", "InstanceProfileName": .string(name.name),
        "InstanceProfileId": .string(SynthIdentifiers.uniqueId("AIPA", &random)),
        "Arn": "arn:aws:iam::\(account.id):instance-profile/\(name.name)", "CreateDate": .string(created),
        "Roles": [summary],
      ])
    }
    var members: [(String, SynthJSON)] = [
      ("Path", .string(name.path)), ("RoleName", .string(name.name)), ("RoleId", .string(roleId)),
      ("Arn", .string(arn)),
      ("CreateDate", .string(created)), ("AssumeRolePolicyDocument", specification.trust),
      ("InstanceProfileList", .array(profiles)),
      ("RolePolicyList", Self.inline(specification.inlinePolicies)),
      ("AttachedManagedPolicies", .array(specification.attachedPolicies.map { attachment($0) })),
    ]
    if let boundaryArn = specification.boundaryArn {
      members.append(("PermissionsBoundary", boundary(boundaryArn)))
    }
    members.append(("Tags", random.chance(60) ? [["Key": "team", "Value": .string(account.name)]] : []))
    let lastUsed: SynthJSON =
      random.chance(70)
      ? ["LastUsedDate": .string(SynthIdentifiers.timestamp(&random)), "Region": "us-east-1"] : [:]
    members.append(("RoleLastUsed", lastUsed))
    return .object(members)
  }

  /// The `Policies` list: every customer-managed policy, and the AWS-managed ones in use.
  private mutating func managedPolicies() -> [SynthJSON] {
    var policies: [SynthJSON] = []
    for definition in SynthManagedPolicies.definitions(company: blueprint.company, accountId: account.id) {
      let arn = SynthManagedPolicies.arn(definition, account.id)
      policies.append(
        managedPolicy(
          name: definition.name, path: definition.path, arn: arn, description: definition.description,
          versions: definition.versions, policyId: SynthIdentifiers.uniqueId("ANPA", &random)))
    }
    for managed in SynthPolicy.awsManaged {
      let arn = SynthPolicy.awsManagedArn(managed.name, path: managed.path)
      guard attachmentCounts[arn] != nil else { continue }
      var fixed = SplitMix64(seed: managed.name.utf8.reduce(UInt64(5381)) { $0 &* 33 &+ UInt64($1) })
      policies.append(
        managedPolicy(
          name: managed.name, path: managed.path, arn: arn, description: nil, versions: [managed.document],
          policyId: SynthIdentifiers.uniqueId("ANPA", &fixed)))
    }
    return policies
  }

  private mutating func managedPolicy(
    name: String, path: String, arn: String, description: String?, versions: [SynthJSON], policyId: String
  ) -> SynthJSON {
    let created = SynthIdentifiers.timestamp(&random)
    var versionList: [SynthJSON] = []
    for (offset, document) in versions.enumerated().reversed() {
      versionList.append([
        "Document": document, "VersionId": "v\(offset + 1)",
        "IsDefaultVersion": .bool(offset == versions.count - 1),
        "CreateDate": .string(created),
      ])
    }
    var members: [(String, SynthJSON)] = [
      ("PolicyName", .string(name)), ("PolicyId", .string(policyId)), ("Arn", .string(arn)),
      ("Path", .string(path)),
      ("DefaultVersionId", "v\(versions.count)"), ("AttachmentCount", .int(attachmentCounts[arn] ?? 0)),
      ("PermissionsBoundaryUsageCount", .int(boundaryCounts[arn] ?? 0)), ("IsAttachable", true),
    ]
    if let description { members.append(("Description", .string(description))) }
    members.append(contentsOf: [
      ("CreateDate", .string(created)), ("UpdateDate", .string(created)),
      ("PolicyVersionList", .array(versionList)),
    ])
    return .object(members)
  }
}
