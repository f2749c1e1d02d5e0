import PolicyLanguage

extension EvaluationInput {
  /// Tallies policies of the caller's side (identity policies, boundary, session policy, SCPs):
  /// their statements apply to the caller without naming it.
  func tallyCallerSide(_ policies: [PolicyDocument]) -> LayerTally {
    var tally = LayerTally()
    for policy in policies {
      let variables = policy.version.supportsVariables
      for statement in policy.statements {
        guard let undecided = undecidedConditions(of: statement, variables: variables) else { continue }
        tally.record(statement, of: policy, undecided: undecided, match: nil, traced: traced)
      }
    }
    return tally
  }

  /// Tallies RCPs of the resource's account: their statements name principals (normally `"*"`).
  func tallyResourceControl(_ policies: [PolicyDocument]) -> LayerTally {
    var tally = LayerTally()
    for policy in policies { scan(policy, into: &tally, principalRequired: false, notPrincipalAllowed: true) }
    return tally
  }

  /// Tallies the resource policy (bucket, trust or key policy), recording how each allow named the caller.
  func tallyResourcePolicy(_ policy: PolicyDocument, kind: PolicyLayers.ResourcePolicyKind) -> LayerTally {
    var tally = LayerTally()
    scan(policy, into: &tally, principalRequired: true, notPrincipalAllowed: kind != .trust)
    return tally
  }

  /// A statement without `Principal` applies to everyone only where `principalRequired` is false;
  /// a `NotPrincipal` where it is not allowed (trust policies) makes the statement match nobody.
  private func scan(
    _ policy: PolicyDocument, into tally: inout LayerTally, principalRequired: Bool, notPrincipalAllowed: Bool
  ) {
    let variables = policy.version.supportsVariables
    for statement in policy.statements {
      guard statement.action.applies(to: action) else { continue }
      var match: PrincipalMatch?
      var neededSessionName: String?
      if let element = statement.principal {
        if element.negated {
          guard notPrincipalAllowed, !isExempted(by: element, effect: statement.effect) else { continue }
          match = .everyone
        } else {
          match = element.entries.lazy.compactMap { self.caller.match($0) }.max()
          if match.map({ $0 < .session && statement.effect == .allow }) ?? true {
            neededSessionName =
              element.entries.lazy.compactMap { self.caller.sessionNameNeeded(for: $0) }.first
          }
        }
      } else if !principalRequired {
        match = .everyone
      }
      guard match != nil || neededSessionName != nil,
        let undecided = undecidedConditions(of: statement, variables: variables)
      else { continue }
      if let match {
        tally.record(statement, of: policy, undecided: undecided, match: match, traced: traced)
      }
      if let neededSessionName {
        tally.record(
          statement, of: policy, undecided: undecided + [SyntheticCondition.sessionName(neededSessionName)],
          match: .session, traced: traced)
      }
    }
  }

  /// A `NotPrincipal` exempts the caller when it lists it fully; never from a deny when the caller
  /// has a permissions boundary (aws-authorization.md §7 case 13).
  private func isExempted(by element: PrincipalElement, effect: Effect) -> Bool {
    if effect == .deny && hasBoundary { return false }
    return caller.isExempted(by: element.entries)
  }
}
