import Authorization
import PolicyLanguage

/// Finds the Allow statements that almost apply to a denied request — the right action and resource
/// but a principal spelled like the caller, the right principal and action but the bucket ARN where
/// objects need `/*`, the right principal and resource but other actions — and turns each into a fix
/// that names the statement and where it is.
struct NearMiss {
  let directory: Directory
  let caller: PrincipalProfile
  let action: String
  /// The ARN the request was evaluated on (an object, or the bucket for bucket-level actions).
  let resource: String
  /// The bucket ARN when the request is on S3, to recognise a bucket ARN given for objects.
  let bucketArn: String?

  /// The most statements named per side, so that a large policy does not drown the answer.
  static let limit = 3

  /// Fixes for a resource policy (`owner` names who must make them: `bucket owner 666666666666`).
  func resourcePolicy(_ policy: PolicyDocument?, owner: String) -> [String] {
    guard let policy else { return [] }
    var fixes = misspelledPrincipals(policy, owner: owner)
    for statement in policy.statements where statement.effect == .allow && fixes.count < Self.limit {
      guard Self.namesCaller(statement, caller: caller) else { continue }
      fixes += elementFixes(statement, in: policy, who: owner)
    }
    return Array(fixes.prefix(Self.limit))
  }

  /// Fixes for the caller's identity policies.
  func identityPolicies() -> [String] {
    var fixes: [String] = []
    for policy in caller.identityPolicies {
      for statement in policy.statements where statement.effect == .allow && statement.principal == nil {
        fixes += elementFixes(statement, in: policy, who: "account \(caller.account)")
      }
    }
    return Array(fixes.prefix(Self.limit))
  }

  // MARK: Principal typos

  /// Statements that would apply but name a user or role of the caller's account whose name is a few
  /// edits away from the caller's: one fix per misspelled ARN, naming every statement that uses it.
  private func misspelledPrincipals(_ policy: PolicyDocument, owner: String) -> [String] {
    var fixes: [String] = []
    var reported: Set<String> = []
    for statement in policy.statements where statement.effect == .allow && appliesToRequest(statement) {
      guard !Self.namesCaller(statement, caller: caller) else { continue }
      for arn in Self.namedArns(statement) where !reported.contains(arn) && isMisspelling(arn) {
        reported.insert(arn)
        let users = policy.statements.filter { Self.namedArns($0).contains(arn) }
        let places = users.map { place($0, in: policy) }
        let names =
          Set(places).count == 1
          ? users.map(\.label).joined(separator: ", ") + " (\(places[0]))"
          : zip(users, places).map { "\($0.label) (\($1))" }.joined(separator: ", ")
        let exists = directory.profile(arn) == nil ? ", which does not exist" : ""
        fixes.append(
          "\(owner) must correct the principal in \(names) of \(policy.source.name): it names \(arn)\(exists) — did you mean \(caller.id)?"
        )
      }
    }
    return fixes
  }

  private func isMisspelling(_ arn: String) -> Bool {
    guard let named = ARNParts(arn), let own = ARNParts(caller.id), named.account == own.account,
      arn != caller.id
    else { return false }
    let namedKind = named.resource.prefix { $0 != "/" }
    let ownKind = own.resource.prefix { $0 != "/" }
    guard namedKind == ownKind else { return false }
    let a = Array(named.resource.split(separator: "/").last.map(String.init) ?? "")
    let b = Array(own.resource.split(separator: "/").last.map(String.init) ?? "")
    let distance = Self.editDistance(a, b)
    return distance > 0 && distance <= max(2, min(a.count, b.count) / 4)
  }

  // MARK: Action and resource

  /// For a statement that names the caller (or has no principal): the resource or action that keeps it
  /// from applying, when the other one matches.
  private func elementFixes(_ statement: Statement, in policy: PolicyDocument, who: String) -> [String] {
    let actionMatches = statement.action.applies(to: action)
    let resourceMatches = statement.resource?.applies(to: resource) ?? true
    let label = "\(statement.label) of \(policy.source.name) (\(place(statement, in: policy)))"
    if actionMatches, !resourceMatches, let resourceElement = statement.resource, !resourceElement.negated {
      let patterns = resourceElement.patterns.map(\.pattern)
      if let bucketArn, resource != bucketArn, patterns.contains(bucketArn) {
        return [
          "\(who) must change the Resource of \(label): it grants \(action) on \(bucketArn) (the bucket), but objects need \(bucketArn)/*"
        ]
      }
      if let bucketArn, resource == bucketArn, patterns.contains(where: { $0.hasPrefix(bucketArn + "/") }) {
        return [
          "\(who) must change the Resource of \(label): it grants \(action) on \(patterns.joined(separator: ", ")) (objects), but \(action) needs the bucket ARN \(bucketArn)"
        ]
      }
      if let (pattern, intended) = patterns.lazy.compactMap({ misspelling(of: $0) }).first {
        return [
          "\(who) must change the Resource of \(label): \(pattern) looks like a misspelling of \(intended)"
        ]
      }
      guard patterns.contains(where: { $0.hasPrefix(bucketArn ?? resource) }) else { return [] }
      return [
        "\(label) grants \(action) only on \(patterns.joined(separator: ", ")), which does not cover \(resource)"
      ]
    }
    if resourceMatches, !actionMatches, !statement.action.negated,
      statement.action.patterns.contains(where: { Self.sameService($0.pattern, action) })
    {
      let actions = statement.action.patterns.map(\.pattern).joined(separator: ", ")
      return ["\(label) allows only \(actions) on \(resource), not \(action)"]
    }
    return []
  }

  /// `pattern` with the resource's bucket (S3) or the resource's ARN (others) in place, when `pattern`
  /// names one a letter or two away from it: a typo, not another resource.
  private func misspelling(of pattern: String) -> (pattern: String, intended: String)? {
    guard let wanted = ARNParts(resource), let given = ARNParts(pattern) else { return nil }
    if wanted.service == "s3" && given.service == "s3" {
      let (name, target) = (given.bucketName, wanted.bucketName)
      guard !name.hasWildcard, target.count >= 4, name != target,
        (1...2).contains(Self.editDistance(Array(name), Array(target)))
      else { return nil }
      return (pattern, "arn:aws:s3:::" + target + given.resource.dropFirst(name.count))
    }
    guard !pattern.hasWildcard, pattern != resource, resource.count >= 8,
      (1...2).contains(Self.editDistance(Array(pattern), Array(resource)))
    else { return nil }
    return (pattern, resource)
  }

  /// Whether the statement's action and resource match (a trust policy has no `Resource`: its role).
  private func appliesToRequest(_ statement: Statement) -> Bool {
    statement.action.applies(to: action) && (statement.resource?.applies(to: resource) ?? true)
  }

  /// Puts `specific` fixes where the `generic` ones of the same layer are; an actionable specific fix
  /// (one that says what "must" change) replaces the generic "must allow", a mere observation precedes it.
  static func merge(_ specific: [String], replacing generic: [String], in fixes: inout [String]) {
    guard !specific.isEmpty else { return }
    let index = fixes.firstIndex(where: generic.contains) ?? fixes.count
    if specific.contains(where: { $0.contains(" must ") }) { fixes.removeAll(where: generic.contains) }
    fixes.insert(contentsOf: specific, at: min(index, fixes.count))
  }

  private func place(_ statement: Statement, in policy: PolicyDocument) -> String {
    let text = StatementPlace(policy: policy.source, location: statement.location).description
    return text.isEmpty ? "statement #\(statement.index)" : text
  }

  private static func namesCaller(_ statement: Statement, caller: PrincipalProfile) -> Bool {
    if case .none = PrincipalMatch.of(statement.principal, caller: caller.caller) { return false }
    return true
  }

  private static func namedArns(_ statement: Statement) -> [String] {
    guard let principal = statement.principal, !principal.negated else { return [] }
    return principal.entries.compactMap { entry in
      switch entry {
      case .user(let arn, _), .role(let arn, _): return arn
      default: return nil
      }
    }
  }

  private static func sameService(_ pattern: String, _ action: String) -> Bool {
    let service = { (text: String) in text.split(separator: ":").first.map { $0.lowercased() } ?? "" }
    return service(pattern) == service(action)
  }

  /// Levenshtein distance, case-sensitive (IAM names are unique case-insensitively, but a case slip
  /// is still a near miss).
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      previous = current
    }
    return previous[b.count]
  }
}
