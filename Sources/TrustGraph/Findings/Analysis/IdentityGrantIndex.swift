import PolicyLanguage

/// One identity-policy Allow statement of a principal that reaches S3 buckets or IAM roles.
struct IdentityGrant {
  /// Index of the principal in `SnapshotIndex.principals`.
  var principal: Int
  var statement: Statement
  var document: PolicyDocument
}

/// Identity grants indexed by the bucket or role they name, so rules look up candidates instead of
/// comparing every principal with every resource.
///
/// A pattern with a literal bucket name (`arn:aws:s3:::logs/*`) or a literal role ARN is indexed
/// under that name; patterns with wildcards there (`*`, `arn:aws:s3:::team-*`) and `NotResource`
/// statements are kept per principal and matched on demand.
struct IdentityGrantIndex {
  /// Grants by literal bucket name, then by principal.
  private(set) var bucketGrants: [String: [Int: [IdentityGrant]]] = [:]
  /// Grants by literal role ARN, then by principal.
  private(set) var roleGrants: [String: [Int: [IdentityGrant]]] = [:]
  private(set) var broadBucketGrants: [Int: [IdentityGrant]] = [:]
  private(set) var broadRoleGrants: [Int: [IdentityGrant]] = [:]

  /// What one statement reaches.
  private struct Reach {
    var bucketNames: [String] = []
    var roleArns: [String] = []
    var broadBuckets = false
    var broadRoles = false
  }

  init(_ index: SnapshotIndex) {
    var actionCache = ActionFamilyCache()
    for (principalIndex, principal) in index.principals.enumerated() {
      for document in principal.documents {
        for statement in document.statements {
          let reach = Self.reach(of: statement, actions: &actionCache)
          let grant = IdentityGrant(principal: principalIndex, statement: statement, document: document)
          for name in reach.bucketNames {
            bucketGrants[name, default: [:]][principalIndex, default: []].append(grant)
          }
          for arn in reach.roleArns {
            roleGrants[arn, default: [:]][principalIndex, default: []].append(grant)
          }
          if reach.broadBuckets { broadBucketGrants[principalIndex, default: []].append(grant) }
          if reach.broadRoles { broadRoleGrants[principalIndex, default: []].append(grant) }
        }
      }
    }
  }

  /// Every grant of `principal` that may reach bucket `name`.
  func bucketGrants(of principal: Int, bucket name: String) -> [IdentityGrant] {
    (bucketGrants[name]?[principal] ?? []) + (broadBucketGrants[principal] ?? [])
  }

  /// Every grant of `principal` that may reach role `arn`.
  func roleGrants(of principal: Int, role arn: String) -> [IdentityGrant] {
    (roleGrants[arn]?[principal] ?? []) + (broadRoleGrants[principal] ?? [])
  }

  private static func reach(of statement: Statement, actions: inout ActionFamilyCache) -> Reach {
    var reach = Reach()
    guard statement.effect == .allow, let resource = statement.resource else { return reach }
    let s3 = actions.matches(statement.action, service: "s3:")
    let assumeRole = statement.action.applies(to: "sts:AssumeRole")
    guard s3 || assumeRole else { return reach }
    if resource.negated {
      reach.broadBuckets = s3
      reach.broadRoles = assumeRole
      return reach
    }
    for glob in resource.patterns {
      let text = glob.pattern
      if s3, text == "*" || text.hasPrefix("arn:aws:s3:::") {
        let name = text.dropFirst("arn:aws:s3:::".count).prefix { $0 != "/" }
        if text == "*" || name.contains(where: { $0 == "*" || $0 == "?" }) {
          reach.broadBuckets = true
        } else {
          reach.bucketNames.append(String(name))
        }
      }
      if assumeRole, text == "*" || text.hasPrefix("arn:aws:iam::") {
        if glob.isLiteral { reach.roleArns.append(text) } else { reach.broadRoles = true }
      }
    }
    return reach
  }
}

/// Memoised "does this Action element reach service X" answers (policies repeat the same lists).
struct ActionFamilyCache {
  private var answers: [String: Bool] = [:]

  mutating func matches(_ element: ActionElement, service: String) -> Bool {
    let key =
      service + (element.negated ? "!" : "") + element.patterns.map(\.pattern).joined(separator: "\u{0}")
    if let known = answers[key] { return known }
    let answer = PatternOverlap.matchesSomeAction(element, inService: service)
    answers[key] = answer
    return answer
  }
}
