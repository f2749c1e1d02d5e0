import PolicyLanguage

extension EvaluationInput {
  /// Tallies policies of the caller's side (identity policies, boundary, session policy, SCPs):
  /// their statements apply to the caller without naming it.
  func tallyCallerSide(_ policies: [PolicyDocument]) -> LayerTally {
    var tally = LayerTally()
    policies.withUnsafeBufferPointer { policies in
      for policyIndex in policies.indices {
        let variables = policies[policyIndex].version.supportsVariables
        policies[policyIndex].statements.withUnsafeBufferPointer { statements in
          for index in statements.indices where statements[index].action.applies(to: action) {
            tallyCallerSide(statements[index], of: policies[policyIndex], variables, &tally)
          }
        }
      }
    }
    return tally
  }

  /// Tallies a statement whose action applies.
  private func tallyCallerSide(
    _ statement: Statement, of policy: PolicyDocument, _ variables: Bool, _ tally: inout LayerTally
  ) {
    guard let undecided = undecidedConditions(of: statement, variables: variables) else { return }
    tally.record(statement, of: policy, undecided: undecided, match: nil, traced: traced)
  }

  /// Tallies RCPs of the resource's account: their statements name principals (normally `"*"`).
  func tallyResourceControl(_ policies: [PolicyDocument]) -> LayerTally {
    var tally = LayerTally()
    for index in policies.indices {
      scan(policies[index], into: &tally, principalRequired: false, notPrincipalAllowed: true)
    }
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
    policy.statements.withUnsafeBufferPointer { statements in
      for index in statements.indices where statements[index].action.applies(to: action) {
        scan(
          statements[index], of: policy, variables, &tally, principalRequired: principalRequired,
          notPrincipalAllowed: notPrincipalAllowed)
      }
    }
  }

  /// Tallies a statement whose action applies.
  private func scan(
    _ statement: Statement, of policy: PolicyDocument, _ variables: Bool, _ tally: inout LayerTally,
    principalRequired: Bool, notPrincipalAllowed: Bool
  ) {
    var match: PrincipalMatch?
    var neededSessionName: String?
    if let element = statement.principal {
      if element.negated {
        guard notPrincipalAllowed, !isExempted(by: element, effect: statement.effect) else { return }
        match = .everyone
      } else {
        match = bestMatch(in: element.entries)
        if match.map({ $0 < .session && statement.effect == .allow }) ?? true {
          neededSessionName = sessionNameNeeded(in: element.entries)
        }
      }
    } else if !principalRequired {
      match = .everyone
    }
    guard match != nil || neededSessionName != nil,
      let undecided = undecidedConditions(of: statement, variables: variables)
    else { return }
    if let match {
      tally.record(statement, of: policy, undecided: undecided, match: match, traced: traced)
    }
    if let neededSessionName {
      tally.record(
        statement, of: policy, undecided: undecided + [SyntheticCondition.sessionName(neededSessionName)],
        match: .session, traced: traced)
    }
  }

  /// The way of naming the caller that needs least else, among the entries that name it.
  private func bestMatch(in entries: [PrincipalReference]) -> PrincipalMatch? {
    var best: PrincipalMatch?
    for index in entries.indices {
      if let found = caller.match(entries[index]), best.map({ found > $0 }) ?? true { best = found }
    }
    return best
  }

  private func sessionNameNeeded(in entries: [PrincipalReference]) -> String? {
    for index in entries.indices {
      if let name = caller.sessionNameNeeded(for: entries[index]) { return name }
    }
    return nil
  }

  /// A `NotPrincipal` exempts the caller when it lists it fully; never from a deny when the caller
  /// has a permissions boundary (aws-authorization.md §7 case 13).
  private func isExempted(by element: PrincipalElement, effect: Effect) -> Bool {
    if effect == .deny && hasBoundary { return false }
    return caller.isExempted(by: element.entries)
  }
}
