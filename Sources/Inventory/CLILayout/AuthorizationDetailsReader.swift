import PolicyLanguage

/// Reads `iam get-account-authorization-details` output (one merged file or several pages) into
/// users, groups, roles and managed policies.
///
/// Tolerates the emulator's omissions (no `PolicyName` or ids) and reports an entry that appears
/// twice (an overlap between page files) once, keeping the first.
struct AuthorizationDetailsReader {
  let accountId: String
  let log: LoadLog
  private(set) var contents = IAMContents()
  private var seen: [String: String] = [:]
  private var reportedForeignAccount = false

  init(accountId: String, log: LoadLog) {
    self.accountId = accountId
    self.log = log
  }

  /// Adds the entries of one page (or of the merged file).
  mutating func read(_ file: JSONFile) {
    let top = file.top
    guard top.node.members != nil else {
      top.error("expected the object printed by get-account-authorization-details", log: log)
      return
    }
    for entry in top.array("UserDetailList", log: log) {
      if let user = user(entry) { contents.users.append(user) }
    }
    for entry in top.array("GroupDetailList", log: log) {
      if let group = group(entry) { contents.groups.append(group) }
    }
    for entry in top.array("RoleDetailList", log: log) {
      if let role = role(entry) { contents.roles.append(role) }
    }
    for entry in top.array("Policies", log: log) {
      if let policy = managedPolicy(entry) { contents.managedPolicies.append(policy) }
    }
  }

  private mutating func user(_ entry: JSONField) -> User? {
    guard let name = entry.string("UserName", required: true, log: log),
      let arn = entry.string("Arn", required: true, log: log), isFirst(arn, at: entry)
    else { return nil }
    let label = resourceLabel(arn, fallback: "user/" + name)
    return User(
      arn: arn, name: name, path: entry.string("Path", log: log) ?? "/",
      id: entry.string("UserId", log: log) ?? "",
      groupNames: entry.strings("GroupList", log: log),
      inlinePolicies: inlinePolicies(entry, key: "UserPolicyList", owner: label),
      attachedPolicyArns: attachedPolicies(entry, owner: label),
      permissionsBoundaryArn: boundary(entry, owner: label),
      tags: entry.tagList("Tags", log: log))
  }

  private mutating func group(_ entry: JSONField) -> Group? {
    guard let name = entry.string("GroupName", required: true, log: log),
      let arn = entry.string("Arn", required: true, log: log), isFirst(arn, at: entry)
    else { return nil }
    let label = resourceLabel(arn, fallback: "group/" + name)
    return Group(
      arn: arn, name: name, path: entry.string("Path", log: log) ?? "/",
      id: entry.string("GroupId", log: log) ?? "",
      inlinePolicies: inlinePolicies(entry, key: "GroupPolicyList", owner: label),
      attachedPolicyArns: attachedPolicies(entry, owner: label))
  }

  private mutating func role(_ entry: JSONField) -> Role? {
    guard let name = entry.string("RoleName", required: true, log: log),
      let arn = entry.string("Arn", required: true, log: log), isFirst(arn, at: entry)
    else { return nil }
    let label = resourceLabel(arn, fallback: "role/" + name)
    var trustPolicy: PolicyDocument?
    if let document = entry.member("AssumeRolePolicyDocument"), !document.isNull {
      trustPolicy = document.policy(named: "trust policy of \(label)", kind: .trust, log: log)
    } else {
      entry.error(
        "role \(name) has no \"AssumeRolePolicyDocument\": nobody is known to be able to assume it", log: log)
    }
    let profiles = entry.array("InstanceProfileList", log: log).compactMap { profile in
      profile.string("Arn", required: true, log: log)
    }
    return Role(
      arn: arn, name: name, path: entry.string("Path", log: log) ?? "/",
      id: entry.string("RoleId", log: log) ?? "", trustPolicy: trustPolicy,
      inlinePolicies: inlinePolicies(entry, key: "RolePolicyList", owner: label),
      attachedPolicyArns: attachedPolicies(entry, owner: label),
      permissionsBoundaryArn: boundary(entry, owner: label),
      tags: entry.tagList("Tags", log: log), instanceProfileArns: profiles,
      description: entry.string("Description", log: log))
  }

  private mutating func managedPolicy(_ entry: JSONField) -> ManagedPolicy? {
    guard let arn = entry.string("Arn", required: true, log: log), isFirst(arn, at: entry) else { return nil }
    let name = entry.string("PolicyName", log: log) ?? String(arn.split(separator: "/").last ?? "")
    let defaultVersion = entry.string("DefaultVersionId", log: log)
    let versions = entry.array("PolicyVersionList", log: log)
    let chosen =
      versions.first { $0.bool("IsDefaultVersion", log: log) == true }
      ?? versions.first { defaultVersion != nil && $0.string("VersionId", log: log) == defaultVersion }
    var document: PolicyDocument?
    if let chosen, let field = chosen.member("Document"), !field.isNull {
      document = field.policy(named: arn, kind: .identity, log: log)
    } else {
      entry.warning("managed policy \(arn) has no default version document: its content is unknown", log: log)
    }
    return ManagedPolicy(
      arn: arn, name: name, document: document, id: entry.string("PolicyId", log: log),
      path: entry.string("Path", log: log) ?? "/")
  }

  private func inlinePolicies(_ entry: JSONField, key: String, owner: String) -> [PolicyDocument] {
    entry.array(key, log: log).compactMap { item in
      guard let name = item.string("PolicyName", required: true, log: log) else { return nil }
      guard let document = item.member("PolicyDocument"), !document.isNull else {
        item.error("inline policy \(name) has no \"PolicyDocument\"", log: log)
        return nil
      }
      return document.policy(named: "inline \(name) of \(owner)", kind: .identity, log: log)
    }
  }

  private mutating func attachedPolicies(_ entry: JSONField, owner: String) -> [String] {
    var arns: [String] = []
    for item in entry.array("AttachedManagedPolicies", log: log) {
      guard let arn = item.string("PolicyArn", required: true, log: log) else { continue }
      contents.references.note(arn, by: owner, as: "attaches", at: item)
      arns.append(arn)
    }
    return arns
  }

  private mutating func boundary(_ entry: JSONField, owner: String) -> String? {
    guard let field = entry.object("PermissionsBoundary", log: log),
      let arn = field.string("PermissionsBoundaryArn", log: log)
    else { return nil }
    contents.references.note(arn, by: owner, as: "has the permissions boundary", at: field)
    return arn
  }

  /// `role/path/name` from an IAM ARN, for policy names in evidence.
  private func resourceLabel(_ arn: String, fallback: String) -> String {
    let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    return parts.count == 6 ? String(parts[5]) : fallback
  }

  /// Whether `arn` is new; a repeat is reported with the place of the first one. Also reports (once
  /// per account) an entry that belongs to another account than the folder it is in.
  private mutating func isFirst(_ arn: String, at entry: JSONField) -> Bool {
    let place = "\(entry.file.path):\(entry.location)"
    if let first = seen[arn] {
      entry.warning("\(arn) appears again (first at \(first)); this copy is ignored", log: log)
      return false
    }
    seen[arn] = place
    let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    if !reportedForeignAccount, parts.count == 6, parts[4] != "aws", parts[4] != accountId {
      reportedForeignAccount = true
      entry.warning(
        "\(arn) belongs to account \(parts[4]), but this file is in the folder of account \(accountId)",
        log: log)
    }
    return true
  }
}
