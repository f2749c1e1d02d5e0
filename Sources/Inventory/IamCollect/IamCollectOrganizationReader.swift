import PolicyLanguage

/// Reads `organizations/<org-id>/` of an iam-collect store. Policy attachments are recorded on the
/// accounts and OUs (`accounts.json`, `ous.json`); they are turned around into each policy's targets.
struct IamCollectOrganizationReader {
  let folder: Folder
  private let log = LoadLog()

  init(folder: Folder) {
    self.folder = folder
  }

  static let knownFiles: Set<String> = [
    "metadata.json", "accounts.json", "ous.json", "structure.json", "delegated-admins.json", "policy.json",
  ]

  func read() -> OrganizationLoadResult {
    var files: [String: String] = [:]
    var folders: [String: Folder] = [:]
    for item in folder.items(log: log) {
      switch item {
      case .file(let name, let path) where Self.knownFiles.contains(name): files[name] = path
      case .folder(let sub) where ["ous", "scps", "rcps", "s3-policies"].contains(sub.name):
        folders[sub.name] = sub
      default: Folder.reportUnknown(item, log: log)
      }
    }
    guard let metadata = json(files["metadata.json"]) else {
      log.error(folder.path + "/", "no readable metadata.json: the organization is not read")
      return result(nil)
    }
    var organization = Organization(
      id: metadata.top.string("id", required: true, log: log) ?? "",
      managementAccountId: metadata.top.string("rootAccountId", log: log),
      rootId: metadata.top.string("rootOu", log: log))
    var attachments: [String: [String]] = [:]
    if let accounts = json(files["accounts.json"]) {
      for (id, entry) in accounts.top.members(log: log) {
        organization.accounts.append(
          OrganizationAccount(id: id, name: "", parentId: entry.string("ou", log: log)))
        note(entry, target: id, into: &attachments)
      }
    }
    let names = folders["ous"].map(unitNames) ?? [:]
    if let units = json(files["ous.json"]) {
      for (id, entry) in units.top.members(log: log) {
        note(entry, target: id, into: &attachments)
        if id == organization.rootId || (id.hasPrefix("r-") && entry.member("parent") == nil) { continue }
        organization.units.append(
          OrganizationalUnit(
            id: id, name: names[id.lowercased()] ?? id, parentId: entry.string("parent", log: log)))
      }
    }
    for (type, kind) in [("scps", OrganizationPolicy.Kind.serviceControl), ("rcps", .resourceControl)] {
      guard let policies = folders[type] else { continue }
      organization.policies += readPolicies(policies, kind: kind, attachments: attachments)
    }
    return result(organization)
  }

  private func result(_ organization: Organization?) -> OrganizationLoadResult {
    OrganizationLoadResult(
      organization: organization, diagnostics: log.diagnostics, unknownFiles: log.unknownFiles)
  }

  private func json(_ path: String?) -> JSONFile? {
    path.flatMap { JSONFile.read($0, shownAs: $0, log: log) }
  }

  /// Records the SCPs and RCPs listed on an account or OU entry: policy id → target ids.
  private func note(_ entry: JSONField, target: String, into attachments: inout [String: [String]]) {
    for key in ["scps", "rcps"] {
      for arn in entry.strings(key, log: log) {
        attachments[Self.policyId(arn), default: []].append(target)
      }
    }
  }

  /// OU and root names from `ous/<id>/metadata.json`, by lower-cased id.
  private func unitNames(_ ous: Folder) -> [String: String] {
    var names: [String: String] = [:]
    for case .folder(let unit) in ous.items(log: log) {
      if let metadata = json(Folder.join(unit.path, "metadata.json")) {
        names[unit.name] = metadata.top.string("name", log: log)
      }
    }
    return names
  }

  private func readPolicies(_ folder: Folder, kind: OrganizationPolicy.Kind, attachments: [String: [String]])
    -> [OrganizationPolicy]
  {
    let label = kind == .serviceControl ? "SCP" : "RCP"
    var policies: [OrganizationPolicy] = []
    for item in folder.items(log: log) {
      guard case .folder(let policyFolder) = item else {
        Folder.reportUnknown(item, log: log)
        continue
      }
      guard let metadata = json(Folder.join(policyFolder.path, "metadata.json")),
        let arn = metadata.top.string("arn", required: true, log: log)
      else { continue }
      let id = Self.policyId(arn)
      let name = metadata.top.string("name", log: log) ?? id
      var document: PolicyDocument?
      if let content = json(Folder.join(policyFolder.path, "policy.json")) {
        document = content.top.policy(
          named: "\(label) \(name) (\(id))",
          kind: kind == .serviceControl ? .serviceControl : .resourceControl,
          log: log)
      }
      policies.append(
        OrganizationPolicy(
          id: id, name: name, kind: kind, document: document, targetIds: attachments[id] ?? []))
    }
    return policies
  }

  /// The policy id is the last segment of the policy ARN.
  private static func policyId(_ arn: String) -> String {
    String(arn.split(separator: "/").last ?? Substring(arn))
  }
}
