import PolicyLanguage

/// What reading the `organizations/` folder produced.
struct OrganizationLoadResult: Sendable {
  var organization: Organization?
  var diagnostics: [Diagnostic]
  var unknownFiles: [String]
  /// The file that lists the member accounts, for problems about them.
  var accountsFile: String? = nil
}

/// Reads the `organizations/` folder of the aws CLI layout: the organization, its accounts, OU tree,
/// and SCPs and RCPs with their targets. Other policy types (tag, backup…) are skipped.
struct OrganizationFolderReader {
  let folder: Folder
  private let log = LoadLog()

  init(folder: Folder) {
    self.folder = folder
  }

  static let topFiles = Set(
    ["describe-organization", "list-accounts", "list-roots"].flatMap(CommandOutput.fileNames))

  func read() -> OrganizationLoadResult {
    var files: [String: String] = [:]
    var subfolders: [String: Folder] = [:]
    for item in folder.items(log: log) {
      switch item {
      case .file(let name, let path) where Self.topFiles.contains(name) || name.hasPrefix("list-policies"):
        files[name] = path
      case .folder(let sub) where ["ous", "parents", "policies"].contains(sub.name):
        subfolders[sub.name] = sub
      default: Folder.reportUnknown(item, log: log)
      }
    }
    let description = CommandOutput.read(
      "describe-organization", in: files, absentCodes: ["AWSOrganizationsNotInUseException"], log: log)
    var organization: Organization
    switch description {
    case .json(let file):
      let details = file.top.object("Organization", required: true, log: log)
      organization = Organization(
        id: details?.string("Id", required: true, log: log) ?? "",
        managementAccountId: details?.string("MasterAccountId", log: log))
    case .error(let path, let text, let absent):
      if absent { return result(nil) }
      CommandOutput.reportUnknown(path, what: "the organization", error: text, log: log)
      organization = Organization(id: "")
    case .unreadable: organization = Organization(id: "")
    case .missing:
      log.error(folder.path + "/", "no describe-organization.json: the organization's id is unknown")
      organization = Organization(id: "")
    }
    let parents = subfolders["parents"].map(readParents) ?? [:]
    readRoots(files, into: &organization)
    readAccounts(files, parents: parents, into: &organization)
    if let ous = subfolders["ous"] { readUnits(ous, parents: parents, into: &organization) }
    if let policies = subfolders["policies"] { readPolicies(policies, into: &organization) }
    var loaded = result(organization)
    loaded.accountsFile = files["list-accounts.json"]
    return loaded
  }

  private func result(_ organization: Organization?) -> OrganizationLoadResult {
    OrganizationLoadResult(
      organization: organization, diagnostics: log.diagnostics, unknownFiles: log.unknownFiles)
  }

  private func readRoots(_ files: [String: String], into organization: inout Organization) {
    guard case .json(let file) = CommandOutput.read("list-roots", in: files, absentCodes: [], log: log) else {
      return
    }
    organization.rootId = file.top.array("Roots", required: true, log: log).first?.string(
      "Id", required: true, log: log)
  }

  private func readAccounts(
    _ files: [String: String], parents: [String: String], into organization: inout Organization
  ) {
    guard case .json(let file) = CommandOutput.read("list-accounts", in: files, absentCodes: [], log: log)
    else {
      return
    }
    for entry in file.top.array("Accounts", required: true, log: log) {
      guard let id = entry.string("Id", required: true, log: log) else { continue }
      organization.accounts.append(
        OrganizationAccount(id: id, name: entry.string("Name", log: log) ?? "", parentId: parents[id]))
    }
  }

  /// `parents/CHILD_ID/list-parents.json` for every child: child id → parent id.
  private func readParents(_ parents: Folder) -> [String: String] {
    var result: [String: String] = [:]
    for item in parents.items(log: log) {
      guard case .folder(let child) = item else {
        Folder.reportUnknown(item, log: log)
        continue
      }
      guard let file = readOnly("list-parents", in: child) else { continue }
      let list = file.top.array("Parents", required: true, log: log)
      if list.count > 1 { file.top.warning("more than one parent listed; the first is used", log: log) }
      result[child.name] = list.first?.string("Id", required: true, log: log)
    }
    return result
  }

  private func readUnits(_ ous: Folder, parents: [String: String], into organization: inout Organization) {
    for item in ous.items(log: log) {
      guard case .folder(let unit) = item else {
        Folder.reportUnknown(item, log: log)
        continue
      }
      let details = readOnly("describe-organizational-unit", in: unit)?.top.object(
        "OrganizationalUnit", required: true, log: log)
      organization.units.append(
        OrganizationalUnit(
          id: unit.name, name: details?.string("Name", log: log) ?? unit.name, parentId: parents[unit.name]))
    }
  }

  private func readPolicies(_ policies: Folder, into organization: inout Organization) {
    for item in policies.items(log: log) {
      guard case .folder(let policyFolder) = item else {
        Folder.reportUnknown(item, log: log)
        continue
      }
      if let policy = readPolicy(policyFolder) { organization.policies.append(policy) }
    }
  }

  private func readPolicy(_ policyFolder: Folder) -> OrganizationPolicy? {
    var files: [String: String] = [:]
    for item in policyFolder.items(log: log) {
      if case .file(let name, let path) = item,
        (CommandOutput.fileNames("describe-policy") + CommandOutput.fileNames("list-targets-for-policy"))
          .contains(name)
      {
        files[name] = path
      } else {
        Folder.reportUnknown(item, log: log)
      }
    }
    guard case .json(let file) = CommandOutput.read("describe-policy", in: files, absentCodes: [], log: log),
      let policy = file.top.object("Policy", required: true, log: log)
    else {
      log.error(
        policyFolder.path + "/", "no readable describe-policy.json: policy \(policyFolder.name) is unknown")
      return unreadablePolicy(policyFolder, files: files)
    }
    let summary = policy.object("PolicySummary", required: true, log: log)
    let typeName = summary?.string("Type", log: log)
    guard let kind = typeName.flatMap(OrganizationPolicy.Kind.init(rawValue:)) else {
      if typeName == nil { policy.error("the policy type (PolicySummary.Type) is missing", log: log) }
      return unreadablePolicy(policyFolder, files: files)
    }
    let id = summary?.string("Id", log: log) ?? policyFolder.name
    let name = summary?.string("Name", log: log) ?? id
    let label = kind == .serviceControl ? "SCP" : "RCP"
    var document: PolicyDocument?
    if let content = policy.member("Content"), !content.isNull {
      document = content.policy(
        named: "\(label) \(name) (\(id))", kind: kind == .serviceControl ? .serviceControl : .resourceControl,
        log: log)
    } else {
      policy.error("\(label) \(name) has no \"Content\"", log: log)
    }
    let targets = readTargets(policyFolder, files: files, label: label, name: name)
    return OrganizationPolicy(id: id, name: name, kind: kind, document: document, targetIds: targets)
  }

  /// A policy whose description could not be read, still attached where its targets file says: its
  /// document is unknown (nil). Its type is unknown too; it counts as an SCP (which, unknown, may
  /// allow anything) unless its id names AWS's `RCPFullAWSAccess`.
  private func unreadablePolicy(_ policyFolder: Folder, files: [String: String]) -> OrganizationPolicy? {
    let id = policyFolder.name
    let kind: OrganizationPolicy.Kind = id == "p-RCPFullAWSAccess" ? .resourceControl : .serviceControl
    let label = kind == .serviceControl ? "SCP" : "RCP"
    let targets = readTargets(policyFolder, files: files, label: label, name: id)
    guard !targets.isEmpty else { return nil }
    return OrganizationPolicy(id: id, name: id, kind: kind, document: nil, targetIds: targets)
  }

  private func readTargets(_ policyFolder: Folder, files: [String: String], label: String, name: String)
    -> [String]
  {
    var targets: [String] = []
    switch CommandOutput.read("list-targets-for-policy", in: files, absentCodes: [], log: log) {
    case .json(let targetsFile):
      targets = targetsFile.top.array("Targets", required: true, log: log).compactMap {
        $0.string("TargetId", required: true, log: log)
      }
    case .missing:
      log.warning(
        policyFolder.path + "/", "no list-targets-for-policy.json: where \(label) \(name) applies is unknown")
    case .error(let path, let text, _):
      CommandOutput.reportUnknown(path, what: "the targets of \(label) \(name)", error: text, log: log)
    case .unreadable: break
    }
    return targets
  }

  /// The JSON of `command` when it is the only file of `folder` (other entries are unknown).
  private func readOnly(_ command: String, in folder: Folder) -> JSONFile? {
    var files: [String: String] = [:]
    for item in folder.items(log: log) {
      if case .file(let name, let path) = item, CommandOutput.fileNames(command).contains(name) {
        files[name] = path
      } else {
        Folder.reportUnknown(item, log: log)
      }
    }
    switch CommandOutput.read(command, in: files, absentCodes: [], log: log) {
    case .json(let file): return file
    case .error(let path, let text, _):
      CommandOutput.reportUnknown(path, what: "\(command) of \(folder.name)", error: text, log: log)
    case .missing: log.warning(folder.path + "/", "no \(command).json here")
    case .unreadable: break
    }
    return nil
  }
}
