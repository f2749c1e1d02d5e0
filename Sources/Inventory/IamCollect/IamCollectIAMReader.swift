import PolicyLanguage

/// Reads the `iam/` folder of an iam-collect account: roles, users, groups and managed policies
/// (customer-managed under `policy/`, AWS-managed under `aws/policy/`). Names and ARNs come from
/// each `metadata.json`, never from the (lower-cased) folder names.
struct IamCollectIAMReader {
  let accountId: String
  let log: LoadLog
  private(set) var contents = IAMContents()

  init(accountId: String, log: LoadLog) {
    self.accountId = accountId
    self.log = log
  }

  /// The files of one principal or policy folder, by name, with its parsed metadata.
  private struct Entity {
    var folder: Folder
    var metadata: JSONField
    var arn: String
    var name: String
    var files: [String: String]

    /// `role/path/name` from the ARN, for policy names in evidence.
    var label: String {
      let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
      return parts.count == 6 ? String(parts[5]) : name
    }
  }

  mutating func read(_ iam: Folder) {
    for item in iam.items(log: log) {
      guard case .folder(let type) = item else {
        Folder.reportUnknown(item, log: log)
        continue
      }
      switch type.name {
      case "role":
        for entity in entities(type, extra: ["trust-policy.json", "instance-profiles.json"]) { role(entity) }
      case "user": for entity in entities(type, extra: ["groups.json"]) { user(entity) }
      case "group": for entity in entities(type, extra: []) { group(entity) }
      case "policy": for entity in entities(type, extra: ["current-policy.json"]) { managedPolicy(entity) }
      case "aws":
        for case .folder(let awsType) in type.items(log: log) where awsType.name == "policy" {
          for entity in entities(awsType, extra: ["current-policy.json"]) { managedPolicy(entity) }
        }
      default: break
      }
    }
  }

  private func entities(_ type: Folder, extra: Set<String>) -> [Entity] {
    let known: Set<String> = extra.union([
      "metadata.json", "inline-policies.json", "managed-policies.json", "tags.json",
    ])
    var result: [Entity] = []
    for item in type.items(log: log) {
      guard case .folder(let folder) = item else {
        Folder.reportUnknown(item, log: log)
        continue
      }
      var files: [String: String] = [:]
      for entry in folder.items(log: log) {
        if case .file(let name, let path) = entry, known.contains(name) {
          files[name] = path
        } else {
          Folder.reportUnknown(entry, log: log)
        }
      }
      guard let metadataPath = files["metadata.json"] else {
        log.warning(folder.path + "/", "no metadata.json: this folder is not read")
        continue
      }
      guard let metadata = JSONFile.read(metadataPath, shownAs: metadataPath, log: log)?.top,
        let arn = metadata.string("arn", required: true, log: log),
        let name = metadata.string("name", required: true, log: log)
      else { continue }
      result.append(Entity(folder: folder, metadata: metadata, arn: arn, name: name, files: files))
    }
    return result
  }

  private mutating func role(_ entity: Entity) {
    var trustPolicy: PolicyDocument?
    if let file = json(entity, "trust-policy.json") {
      trustPolicy = file.top.policy(named: "trust policy of \(entity.label)", kind: .trust, log: log)
    } else if entity.files["trust-policy.json"] == nil {
      log.error(
        entity.folder.path + "/", "no trust-policy.json: nobody is known to be able to assume \(entity.arn)")
    }
    contents.roles.append(
      Role(
        arn: entity.arn, name: entity.name, path: entity.metadata.string("path", log: log) ?? "/",
        id: entity.metadata.string("id", log: log) ?? "", trustPolicy: trustPolicy,
        inlinePolicies: inlinePolicies(entity), attachedPolicyArns: attachedPolicies(entity),
        permissionsBoundaryArn: boundary(entity), tags: tags(entity),
        instanceProfileArns: json(entity, "instance-profiles.json")?.top.elements(log: log).compactMap(
          \.stringValue)
          ?? []))
  }

  private mutating func user(_ entity: Entity) {
    let groupArns = json(entity, "groups.json")?.top.elements(log: log).compactMap(\.stringValue) ?? []
    contents.users.append(
      User(
        arn: entity.arn, name: entity.name, path: entity.metadata.string("path", log: log) ?? "/",
        id: entity.metadata.string("id", log: log) ?? "",
        groupNames: groupArns.map { String($0.split(separator: "/").last ?? "") },
        inlinePolicies: inlinePolicies(entity), attachedPolicyArns: attachedPolicies(entity),
        permissionsBoundaryArn: boundary(entity), tags: tags(entity)))
  }

  private mutating func group(_ entity: Entity) {
    contents.groups.append(
      Group(
        arn: entity.arn, name: entity.name, path: entity.metadata.string("path", log: log) ?? "/",
        id: entity.metadata.string("id", log: log) ?? "", inlinePolicies: inlinePolicies(entity),
        attachedPolicyArns: attachedPolicies(entity)))
  }

  private mutating func managedPolicy(_ entity: Entity) {
    var document: PolicyDocument?
    if let file = json(entity, "current-policy.json") {
      document = file.top.policy(named: entity.arn, kind: .identity, log: log)
    } else if entity.files["current-policy.json"] == nil {
      log.warning(entity.folder.path + "/", "no current-policy.json: the content of \(entity.arn) is unknown")
    }
    contents.managedPolicies.append(
      ManagedPolicy(
        arn: entity.arn, name: entity.name, document: document, id: entity.metadata.string("id", log: log),
        path: entity.metadata.string("path", log: log) ?? "/"))
  }

  private func json(_ entity: Entity, _ name: String) -> JSONFile? {
    guard let path = entity.files[name] else { return nil }
    return JSONFile.read(path, shownAs: path, log: log)
  }

  private func inlinePolicies(_ entity: Entity) -> [PolicyDocument] {
    guard let file = json(entity, "inline-policies.json") else { return [] }
    return file.top.elements(log: log).compactMap { item in
      guard let name = item.string("PolicyName", required: true, log: log),
        let document = item.member("PolicyDocument"), !document.isNull
      else { return nil }
      return document.policy(named: "inline \(name) of \(entity.label)", kind: .identity, log: log)
    }
  }

  private mutating func attachedPolicies(_ entity: Entity) -> [String] {
    guard let file = json(entity, "managed-policies.json") else { return [] }
    var arns: [String] = []
    for item in file.top.elements(log: log) {
      guard let arn = item.stringValue else {
        item.error("expected a policy ARN, found \(item.node.value.kindDescription)", log: log)
        continue
      }
      contents.references.note(arn, by: entity.label, as: "attaches", at: item)
      arns.append(arn)
    }
    return arns
  }

  private mutating func boundary(_ entity: Entity) -> String? {
    guard let arn = entity.metadata.string("permissionBoundary", log: log) else { return nil }
    contents.references.note(
      arn, by: entity.label, as: "has the permissions boundary",
      at: entity.metadata.member("permissionBoundary")!)
    return arn
  }

  private func tags(_ entity: Entity) -> [String: String] {
    json(entity, "tags.json").map { Self.tags($0.top, log: log) } ?? [:]
  }

  /// `{key: value}` tags.
  static func tags(_ field: JSONField, log: LoadLog) -> [String: String] {
    var tags: [String: String] = [:]
    for (key, value) in field.members(log: log) {
      tags[key] = value.stringValue ?? ""
    }
    return tags
  }
}
