import Inventory
import PolicyLanguage

/// Trust-policy Allow statements indexed by the principals they name, so that only the callers a
/// trust policy can match are evaluated against it.
struct TrustIndex: Sendable {
  /// Roles (ARNs) whose trust names each principal ARN (user, role, federated user).
  private(set) var byPrincipal: [String: Set<String>] = [:]
  /// Roles whose trust names a session of a role: key `ACCOUNT/ROLE-NAME`, value role ARN → session ARNs.
  private(set) var bySessionOf: [String: [String: Set<String>]] = [:]
  private(set) var byAccount: [String: Set<String>] = [:]
  private(set) var byService: [String: Set<String>] = [:]
  private(set) var byProvider: [String: Set<String>] = [:]
  private(set) var trustingEveryone: Set<String> = []

  init(_ roles: [Role]) {
    for role in roles {
      guard let trust = role.trustPolicy else { continue }
      for statement in trust.statements where statement.effect == .allow {
        guard let principal = statement.principal, !principal.negated else { continue }
        for entry in principal.entries { add(entry, role: role.arn) }
      }
    }
  }

  private mutating func add(_ entry: PrincipalReference, role: String) {
    switch entry {
    case .everyone: trustingEveryone.insert(role)
    case .account(let id): byAccount[id, default: []].insert(role)
    case .user(let arn, _), .role(let arn, _), .federatedUser(let arn, _):
      byPrincipal[arn, default: []].insert(role)
    case .assumedRole(let arn, let account, let roleName, _):
      bySessionOf["\(account)/\(roleName)", default: [:]][role, default: []].insert(arn)
    case .service(let name): byService[name, default: []].insert(role)
    case .federatedProvider(let provider): byProvider[provider, default: []].insert(role)
    case .uniqueId, .canonicalUser, .unrecognized: break
    }
  }
}
