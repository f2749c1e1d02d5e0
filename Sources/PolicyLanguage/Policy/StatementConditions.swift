extension Statement {
  /// Whether every condition clause holds (three-valued AND; no clause → `.yes`). `variables`
  /// should be the document's `version.supportsVariables`.
  public func conditionsHold(in context: RequestContext, variables: Bool) -> Tristate {
    var result = Tristate.yes
    for condition in conditions {
      result = result && condition.evaluate(in: context, variables: variables)
      if result == .no { return .no }
    }
    return result
  }

  /// The clauses that evaluate `.unknown` in `context`: what a conditional answer depends on.
  public func undecidedConditions(in context: RequestContext, variables: Bool) -> [Condition] {
    conditions.filter { $0.evaluate(in: context, variables: variables) == .unknown }
  }
}
