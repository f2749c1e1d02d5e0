import PolicyLanguage

/// Conditions the evaluator writes itself, for requirements that no policy condition expresses.
enum SyntheticCondition {
  /// The request's resource must match (or, for `NotResource`, must not match) `element` once its
  /// policy variables, whose keys are unknown, are resolved. The key `Resource` names the element.
  static func resource(matching element: ResourceElement) -> Condition {
    let base: ConditionOperatorBase = element.negated ? .arnNotLike : .arnLike
    return Condition(
      op: ConditionOperator(raw: base.rawValue, base: base),
      key: element.negated ? "NotResource" : "Resource",
      values: element.patterns.map(\.pattern))
  }

  /// A role caller whose session name is not known matches a session principal only if it picks
  /// that name when it assumes the role (`sts:RoleSessionName`).
  static func sessionName(_ name: String) -> Condition {
    Condition(
      op: ConditionOperator(raw: ConditionOperatorBase.stringEquals.rawValue, base: .stringEquals),
      key: "sts:RoleSessionName", values: [name])
  }
}
