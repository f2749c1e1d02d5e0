import Authorization
import PolicyLanguage

/// Turns the principals a resource policy names into caller profiles: the snapshot's own principals,
/// stand-ins for principals of accounts outside it, services and anonymous callers.
enum NamedPrincipals {
  /// The anonymous caller (no credentials).
  static let anonymous = PrincipalProfile(
    id: "*", kind: .anonymous, account: "", caller: Caller(kind: .anonymous, arn: "*"), identityPolicies: [],
    permissionsBoundary: nil, serviceControlPolicies: nil, missingPolicies: [], isExternal: false)

  static func profiles(for entry: PrincipalReference, directory: Directory) -> [PrincipalProfile] {
    switch entry {
    case .everyone:
      return [anonymous]
    case .account(let id):
      if directory.identityUnknown(id) {
        return [
          directory.unknownIdentityProfile(id: "arn:aws:iam::\(id):root", kind: .accountRoot, account: id)
        ]
      }
      return [
        directory.profile("arn:aws:iam::\(id):root")
          ?? directory.externalProfile(id: "arn:aws:iam::\(id):root", kind: .accountRoot, account: id)
      ]
    case .user(let arn, let account), .role(let arn, let account), .federatedUser(let arn, let account):
      if let profile = directory.profile(arn) { return [profile] }
      let kind: GraphNode.Kind = arn.contains(":role/") ? .role : .user
      if directory.identityUnknown(account) {
        return [directory.unknownIdentityProfile(id: arn, kind: kind, account: account)]
      }
      guard directory.account(account) == nil else { return [] }
      return [directory.externalProfile(id: arn, kind: kind, account: account)]
    case .assumedRole(_, let account, let roleName, _):
      guard let roleArn = directory.rolesByName["\(account)/\(roleName)"],
        var profile = directory.profile(roleArn)
      else {
        guard directory.identityUnknown(account) else { return [] }
        var unknown = directory.unknownIdentityProfile(
          id: "arn:aws:iam::\(account):role/\(roleName)", kind: .role, account: account)
        unknown.caller.sessionArn = nil
        return [unknown]
      }
      // The session name is chosen by whoever assumes the role: unknown, so the evaluator makes a
      // grant to one session conditional on that name (`sts:RoleSessionName`).
      profile.caller.sessionArn = nil
      return [profile]
    case .service(let name):
      return [service(name)]
    case .uniqueId, .federatedProvider, .canonicalUser, .unrecognized:
      return []
    }
  }

  /// The roles of the snapshot whose sessions an Allow statement of `policy` names: their session
  /// name is unknown, so they are evaluated without one (conditional on `sts:RoleSessionName`).
  static func sessionNamedRoles(_ policy: PolicyDocument?, directory: Directory) -> Set<String> {
    var roles = Set<String>()
    for statement in policy?.statements ?? [] where statement.effect == .allow {
      for case .assumedRole(_, let account, let roleName, _) in statement.principal?.entries ?? [] {
        if let arn = directory.rolesByName["\(account)/\(roleName)"] { roles.insert(arn) }
      }
    }
    return roles
  }

  static func service(_ name: String) -> PrincipalProfile {
    PrincipalProfile(
      id: name, kind: .service, account: "", caller: Caller(kind: .service, arn: name), identityPolicies: [],
      permissionsBoundary: nil, serviceControlPolicies: nil, missingPolicies: [], isExternal: false)
  }

  /// A profile for a graph node that is no principal of the snapshot (service, provider, external).
  static func nodeProfile(_ id: String, graph: TrustGraph) -> PrincipalProfile {
    let node = graph.nodes[id]
    switch node?.kind {
    case .service: return service(id)
    case .anonymous: return anonymous
    default:
      return graph.directory.externalProfile(
        id: id, kind: node?.kind ?? .accountRoot, account: node?.account ?? "")
    }
  }
}
