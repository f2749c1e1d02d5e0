extension Condition {
  /// Evaluates this clause against `context` (three-valued). `variables` enables `${…}` substitution
  /// in the values (policy version 2012-10-17).
  ///
  /// Absent key: a positive operator is false, a negated one true, `…IfExists` true; `ForAllValues:`
  /// is true and `ForAnyValue:` false. A key declared unknown, or an operator AWS does not have,
  /// gives `.unknown`.
  public func evaluate(in context: RequestContext, variables: Bool) -> Tristate {
    let family = matcher.family
    if family == .unknown { return .unknown }
    let requestValues: [String]
    switch context.lookup(normalizedKey: normalizedKey) {
    case .unknown: return .unknown
    case .absent: requestValues = []
    case .present(let values): requestValues = values
    }
    if family == .null { return evaluateNull(present: !requestValues.isEmpty) }
    let negated = op.base.isNegated
    if requestValues.isEmpty {
      if op.ifExists { return .yes }
      switch op.qualifier {
      case .forAllValues: return .yes
      case .forAnyValue: return .no
      case .none: return negated ? .yes : .no
      }
    }
    func holds(_ value: String) -> Tristate {
      let matched = matcher.matchesAny(value, context: context, variables: variables)
      return negated ? !matched : matched
    }
    switch op.qualifier {
    case .forAllValues:
      var result = Tristate.yes
      for value in requestValues {
        result = result && holds(value)
        if result == .no { return .no }
      }
      return result
    case .forAnyValue:
      var result = Tristate.no
      for value in requestValues {
        result = result || holds(value)
        if result == .yes { return .yes }
      }
      return result
    case .none:
      var matched = Tristate.no
      for value in requestValues {
        matched = matched || matcher.matchesAny(value, context: context, variables: variables)
        if matched == .yes { break }
      }
      return negated ? !matched : matched
    }
  }

  /// `Null`: `"true"` holds when the key is absent, `"false"` when it is present.
  private func evaluateNull(present: Bool) -> Tristate {
    for value in matcher.values {
      if case .bool(let wantsAbsent) = value, wantsAbsent != present { return .yes }
    }
    return .no
  }
}
