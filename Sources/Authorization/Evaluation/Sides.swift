import PolicyLanguage

/// The allow requirements of the resource side and of the caller's side of one request, and how
/// AWS combines them (aws-authorization.md §2 steps 4–5, §3, §4 SSE-KMS).
struct Sides {
  /// Per way the resource policy named the caller.
  var resource = MatchRequirements()
  var identity = Requirement.never
  var boundary = Requirement.always
  var session = Requirement.always

  /// When the request is allowed, denies and organization policies aside.
  ///
  /// - Services and anonymous callers have no identity side: only a resource policy naming them
  ///   (or everyone) allows.
  /// - Across accounts both sides must allow; the resource policy may name the caller in any way.
  /// - In the same account, a bucket (or other) policy naming the user, the session or everyone
  ///   suffices alone; naming the role, it still needs the boundary and session policy; naming
  ///   the account, it adds nothing to the identity side. A KMS key policy must allow, so the
  ///   identity side counts only when the key policy names the account. A trust policy must
  ///   allow too, and the caller's boundary and session policy limit every same-account grant.
  func combined(for input: EvaluationInput, resourcePolicyKind: PolicyLayers.ResourcePolicyKind)
    -> Requirement
  {
    switch input.callerKind {
    case .service: return resource[.service] || resource[.everyone]
    case .anonymous: return resource[.everyone]
    case .user, .role, .federatedUser, .accountRoot: break
    }
    let callerSide = identity && boundary && session
    let limits = boundary && session
    let named = resource[.user] || resource[.session] || resource[.everyone]
    guard input.isSameAccount else { return callerSide && (named || resource[.role] || resource[.account]) }
    switch resourcePolicyKind {
    case .trust:
      return (named || resource[.role] || (resource[.account] && identity)) && limits
    case .keyPolicy:
      return named || (resource[.role] && limits) || (resource[.account] && callerSide)
    case .bucket, .other:
      return callerSide || named || (resource[.role] && limits)
    }
  }
}
