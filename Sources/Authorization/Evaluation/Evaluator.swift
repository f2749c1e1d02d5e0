import PolicyLanguage

/// Evaluates requests the way AWS does (aws-authorization.md §2, and the reference cases in the tests).
///
/// Order: an explicit deny in any layer wins; the RCP levels of the resource's account and the SCP
/// levels of the caller's account must each allow; then the resource policy and the caller's side
/// (identity policies, permissions boundary, session policy) combine as `Sides.combined` describes. With
/// keys declared unknown, statements whose conditions cannot be decided make the answer
/// `conditional`, never a deny that AWS might not give.
public enum Evaluator {
  /// Evaluates `request` against `layers`, matching each statement as written. With `traced ==
  /// false` no evidence is collected; the outcome and the residual are the same.
  public static func evaluate(_ request: Request, layers: PolicyLayers, traced: Bool = true) -> Decision {
    decide(request, layers: layers, traced: traced)
  }

  /// Evaluates `request` against layers compiled once for many requests (the fast path: compile
  /// each policy once with `CompiledPolicy` and reuse it). With `traced == false` no evidence is
  /// collected; the outcome and the residual are the same.
  public static func evaluate(_ request: Request, layers: CompiledPolicyLayers, traced: Bool = true)
    -> Decision
  {
    decide(request, layers: layers, traced: traced)
  }

  /// The one evaluation routine, for layers of either form.
  private static func decide<Policy: ScannablePolicy & Sendable>(
    _ request: Request, layers: LayeredPolicies<Policy>, traced: Bool
  )
    -> Decision
  {
    let input = EvaluationInput(request, hasBoundary: layers.permissionsBoundary != nil, traced: traced)
    var trace: [LayerResult] = []
    var deny = Requirement.never
    var allow = Requirement.always

    for (level, policies) in (layers.resourceControlPolicies ?? []).enumerated() {
      let tally = input.tallyResourceControl(policies)
      deny = deny || tally.deny
      allow = allow && tally.allow
      if traced { trace.append(tally.result(.rcp, level: level)) }
      if !traced && deny == .always { return Decision(outcome: .explicitDeny) }
    }
    if input.callerIsSubjectToServiceControlPolicies {
      for (level, policies) in (layers.serviceControlPolicies ?? []).enumerated() {
        let tally = input.tallyCallerSide(policies)
        deny = deny || tally.deny
        allow = allow && tally.allow
        if traced { trace.append(tally.result(.scp, level: level)) }
        if !traced && deny == .always { return Decision(outcome: .explicitDeny) }
      }
    }

    var sides = Sides()
    if let policy = layers.resourcePolicy {
      let tally = input.tallyResourcePolicy(policy, kind: layers.resourcePolicyKind)
      deny = deny || tally.deny
      sides.resource = tally.allowByMatch
      if traced { trace.append(tally.result(.resource)) }
    }
    if input.callerIsAuthenticated {
      if input.callerKind == .accountRoot {
        sides.identity = .always
        if traced { trace.append(LayerResult(layer: .identity, outcome: .allow, statements: [])) }
      } else {
        let tally = input.tallyCallerSide(layers.identityPolicies)
        deny = deny || tally.deny
        sides.identity = tally.allow
        if traced { trace.append(tally.result(.identity)) }
      }
      if let boundary = layers.permissionsBoundary {
        let tally = input.tallyCallerSide(boundary)
        deny = deny || tally.deny
        sides.boundary = tally.allow
        if traced { trace.append(tally.result(.boundary)) }
      }
      if let session = layers.sessionPolicy {
        let tally = input.tallyCallerSide(session)
        deny = deny || tally.deny
        sides.session = tally.allow
        if traced { trace.append(tally.result(.session)) }
      }
    }
    if deny == .always { return Decision(outcome: .explicitDeny, layers: trace) }

    allow = allow && sides.combined(for: input, resourcePolicyKind: layers.resourcePolicyKind)
    switch (allow, deny) {
    case (.never, _): return Decision(outcome: .implicitDeny, layers: trace)
    case (.always, .never): return Decision(outcome: .allow, layers: trace)
    default:
      return Decision(
        outcome: .conditional, layers: trace,
        residual: Residual(allowIf: allow.alternatives, denyIf: deny.alternatives))
    }
  }
}

extension Caller {
  /// SCPs restrict the users, roles and root user of member accounts: not services, anonymous
  /// callers, principals of the management account, or service-linked roles.
  var isSubjectToServiceControlPolicies: Bool {
    isAuthenticatedPrincipal && !isInManagementAccount && !isServiceLinkedRole
  }
}
