extension Condition {
  /// Evaluates this clause against `context` (three-valued). `variables` enables `${…}` substitution
  /// in the values (policy version 2012-10-17).
  public func evaluate(in context: RequestContext, variables: Bool) -> Tristate {
    .unknown
  }
}

extension ResourceElement {
  /// Whether the statement applies to `resource`, with policy variables substituted from `context`
  /// when `variables` is true (three-valued: a variable whose key is unknown makes it unknown).
  public func applies(to resource: String, context: RequestContext, variables: Bool) -> Tristate {
    let matched = patterns.contains { $0.matches(resource) }
    return (negated ? !matched : matched) ? .yes : .no
  }
}
