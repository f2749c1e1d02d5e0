import PolicyLanguage

extension EvaluationInput {
  /// Tallies policies of the caller's side (identity policies, SCPs of one level): their
  /// statements apply to the caller without naming it.
  func tallyCallerSide<Policy: ScannablePolicy>(_ policies: [Policy]) -> LayerTally {
    var tally = LayerTally()
    for policy in policies { scanCallerSide(policy, into: &tally) }
    return tally
  }

  /// Tallies one policy of the caller's side (a permissions boundary, a session policy).
  func tallyCallerSide<Policy: ScannablePolicy>(_ policy: Policy) -> LayerTally {
    var tally = LayerTally()
    scanCallerSide(policy, into: &tally)
    return tally
  }

  private func scanCallerSide<Policy: ScannablePolicy>(_ policy: Policy, into tally: inout LayerTally) {
    let variables = policy.supportsVariables
    policy.forEachStatement(covering: action, service: service) { compiled in
      guard let undecided = undecidedConditions(of: compiled, variables: variables) else { return }
      tally.record(compiled.effect, undecided: undecided, match: nil)
      if traced { tally.keepEvidence(compiled.statement, of: policy.document.source, undecided: undecided) }
    }
  }

  /// Tallies RCPs of the resource's account: their statements name principals (normally `"*"`).
  func tallyResourceControl<Policy: ScannablePolicy>(_ policies: [Policy]) -> LayerTally {
    var tally = LayerTally()
    for policy in policies { scan(policy, into: &tally, principalRequired: false, notPrincipalAllowed: true) }
    return tally
  }

  /// Tallies the resource policy (bucket, trust or key policy), recording how each allow named the caller.
  func tallyResourcePolicy<Policy: ScannablePolicy>(_ policy: Policy, kind: PolicyLayers.ResourcePolicyKind)
    -> LayerTally
  {
    var tally = LayerTally()
    scan(policy, into: &tally, principalRequired: true, notPrincipalAllowed: kind != .trust)
    return tally
  }

  /// A statement without `Principal` applies to everyone only where `principalRequired` is false;
  /// a `NotPrincipal` where it is not allowed (trust policies) makes the statement match nobody.
  private func scan<Policy: ScannablePolicy>(
    _ policy: Policy, into tally: inout LayerTally, principalRequired: Bool, notPrincipalAllowed: Bool
  ) {
    let variables = policy.supportsVariables
    policy.forEachStatement(covering: action, service: service) { compiled in
      let effect = compiled.effect
      var match: PrincipalMatch?
      var neededSessionName: String?
      var exemptSessions: [Condition] = []
      if let element = compiled.statement.principal {
        if element.negated {
          guard notPrincipalAllowed else { return }
          switch exemption(by: element, effect: effect) {
          case .exempt: return
          case .notExempt: break
          case .ifSessionNamed(let names):
            // The statement applies unless the caller's session has one of the exempt names.
            exemptSessions = [
              Condition(
                op: ConditionOperator(
                  raw: ConditionOperatorBase.stringNotEquals.rawValue, base: .stringNotEquals),
                key: "sts:RoleSessionName", values: names)
            ]
          }
          match = .everyone
        } else {
          match = compiled.bestMatch(for: caller)
          if effect == .allow && callerKind == .role && caller.sessionArn == nil
            && (match ?? .account) < .session
          {
            neededSessionName = sessionNameNeeded(in: element.entries)
          }
        }
      } else if !principalRequired {
        match = .everyone
      }
      guard match != nil || neededSessionName != nil,
        let undecided = undecidedConditions(of: compiled, variables: variables).map({ $0 + exemptSessions })
      else { return }
      if let match {
        tally.record(effect, undecided: undecided, match: match)
        if traced { tally.keepEvidence(compiled.statement, of: policy.document.source, undecided: undecided) }
      }
      if let neededSessionName {
        let withSession = undecided + [SyntheticCondition.sessionName(neededSessionName)]
        tally.record(effect, undecided: withSession, match: .session)
        if traced {
          tally.keepEvidence(compiled.statement, of: policy.document.source, undecided: withSession)
        }
      }
    }
  }

  private func sessionNameNeeded(in entries: [PrincipalReference]) -> String? {
    for entry in entries {
      if let name = caller.sessionNameNeeded(for: entry) { return name }
    }
    return nil
  }

  /// A `NotPrincipal` exempts the caller when it lists it fully; never from a deny when the caller
  /// has a permissions boundary (aws-authorization.md §7 case 13).
  private func exemption(by element: PrincipalElement, effect: Effect) -> Caller.NotPrincipalExemption {
    if effect == .deny && hasBoundary { return .notExempt }
    return caller.exemption(by: element.entries)
  }
}
