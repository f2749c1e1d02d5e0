import Authorization
import PolicyLanguage

/// How a resource-policy statement's `Principal` names a caller (the conditions are the evaluator's).
enum PrincipalMatch: Sendable {
  case none
  /// By user, role, session or federated-user ARN, by service, or `*`: enough on its own in the same account.
  case direct
  /// By the caller's account: the caller's own identity policies must also allow.
  case account

  static func of(_ element: PrincipalElement?, caller: Caller) -> PrincipalMatch {
    guard let element else { return .none }
    var best = PrincipalMatch.none
    for entry in element.entries {
      switch (entry, best) {
      case (_, .direct): break
      default:
        let match = of(entry, caller: caller)
        if case .none = match { continue }
        best = match
      }
    }
    if element.negated {
      if case .none = best { return .direct }
      return .none
    }
    return best
  }

  private static func of(_ entry: PrincipalReference, caller: Caller) -> PrincipalMatch {
    switch entry {
    case .everyone: return .direct
    case .account(let id): return caller.account == id && caller.kind != .anonymous ? .account : .none
    case .user(let arn, _), .role(let arn, _), .federatedUser(let arn, _):
      return caller.arn == arn ? .direct : .none
    case .assumedRole(let arn, _, _, _):
      // A role caller whose session name is unknown matches if it picks that session name.
      return caller.sessionArn == arn || caller.sessionNameNeeded(for: entry) != nil ? .direct : .none
    case .service(let name): return caller.kind == .service && caller.arn == name ? .direct : .none
    case .uniqueId, .federatedProvider, .canonicalUser, .unrecognized: return .none
    }
  }
}
