/// Writes the `organizations/` folder: the organization, its accounts, root and OU tree, and the
/// SCPs and RCPs with their targets, as the management account's aws CLI would export them.
struct OrganizationSynthesizer {
  /// A service or resource control policy and where it is attached.
  struct ControlPolicy {
    let id: String
    let name: String
    let description: String
    let type: String
    let awsManaged: Bool
    let content: String
    let targets: [String]
  }

  let blueprint: OrganizationBlueprint

  private var management: String { blueprint.management.id }
  private var organizationId: String { blueprint.organizationId }

  func files() -> [SynthesizedFile] {
    var names = [blueprint.rootId: "Root"]
    for unit in blueprint.units { names[unit.id] = unit.name }
    for account in blueprint.accounts { names[account.id] = account.name }
    var files: [SynthesizedFile] = [
      SynthesizedFile(
        "organizations/describe-organization.json",
        [
          "Organization": [
            "Id": .string(organizationId),
            "Arn": "arn:aws:organizations::\(management):organization/\(organizationId)",
            "FeatureSet": "ALL", "MasterAccountArn": .string(accountArn(management)),
            "MasterAccountId": .string(management),
            "MasterAccountEmail": .string(blueprint.management.email),
            "AvailablePolicyTypes": [["Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"]],
          ]
        ]),
      SynthesizedFile(
        "organizations/list-accounts.json", ["Accounts": .array(blueprint.accounts.map(account))]),
      SynthesizedFile(
        "organizations/list-roots.json",
        [
          "Roots": [
            [
              "Id": .string(blueprint.rootId), "Arn": .string(targetArn(blueprint.rootId)), "Name": "Root",
              "PolicyTypes": [
                ["Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"],
                ["Type": "RESOURCE_CONTROL_POLICY", "Status": "ENABLED"],
              ],
            ]
          ]
        ]),
    ]
    for unit in blueprint.units {
      files.append(
        SynthesizedFile(
          "organizations/ous/\(unit.id)/describe-organizational-unit.json",
          [
            "OrganizationalUnit": [
              "Id": .string(unit.id), "Arn": .string(targetArn(unit.id)), "Name": .string(unit.name),
            ]
          ]))
      files.append(parents(of: unit.id, parent: unit.parentId))
    }
    for account in blueprint.accounts {
      files.append(parents(of: account.id, parent: account.parentId))
    }
    for policy in ControlPolicies(blueprint: blueprint).all {
      let folder = "organizations/policies/\(policy.id)"
      let kind = policy.type.lowercased()
      let arn =
        policy.awsManaged
        ? "arn:aws:organizations::aws:policy/\(kind)/\(policy.id)"
        : "arn:aws:organizations::\(management):policy/\(organizationId)/\(kind)/\(policy.id)"
      files.append(
        SynthesizedFile(
          "\(folder)/describe-policy.json",
          [
            "Policy": [
              "PolicySummary": [
                "Id": .string(policy.id), "Arn": .string(arn), "Name": .string(policy.name),
                "Description": .string(policy.description), "Type": .string(policy.type),
                "AwsManaged": .bool(policy.awsManaged),
              ],
              "Content": .string(policy.content),
            ]
          ]))
      files.append(
        SynthesizedFile(
          "\(folder)/list-targets-for-policy.json",
          ["Targets": .array(policy.targets.map { target($0, names) })]))
    }
    return files
  }

  private func accountArn(_ id: String) -> String {
    "arn:aws:organizations::\(management):account/\(organizationId)/\(id)"
  }

  private func targetArn(_ id: String) -> String {
    if id.hasPrefix("r-") { return "arn:aws:organizations::\(management):root/\(organizationId)/\(id)" }
    if id.hasPrefix("ou-") { return "arn:aws:organizations::\(management):ou/\(organizationId)/\(id)" }
    return accountArn(id)
  }

  private func account(_ account: OrganizationBlueprint.Account) -> SynthJSON {
    var random = blueprint.random(UInt64(account.index), 0x0A6)
    return [
      "Id": .string(account.id), "Arn": .string(accountArn(account.id)), "Email": .string(account.email),
      "Name": .string(account.name), "Status": "ACTIVE",
      "JoinedMethod": account.index == 0 ? "INVITED" : "CREATED",
      "JoinedTimestamp": .string(SynthIdentifiers.timestamp(&random)),
    ]
  }

  private func parents(of child: String, parent: String) -> SynthesizedFile {
    SynthesizedFile(
      "organizations/parents/\(child)/list-parents.json",
      ["Parents": [["Id": .string(parent), "Type": parent.hasPrefix("r-") ? "ROOT" : "ORGANIZATIONAL_UNIT"]]])
  }

  private func target(_ id: String, _ names: [String: String]) -> SynthJSON {
    let type = id.hasPrefix("r-") ? "ROOT" : id.hasPrefix("ou-") ? "ORGANIZATIONAL_UNIT" : "ACCOUNT"
    let name = names[id] ?? id
    return [
      "TargetId": .string(id), "Arn": .string(targetArn(id)), "Name": .string(name), "Type": .string(type),
    ]
  }
}
