import PolicyLanguage

/// Whether two policy elements can match a common string: an action both statements grant, a
/// resource both name. Decided exactly with the same automata as prefix coverage.
public enum PatternOverlap {
  /// Whether some resource is matched by both elements (case-sensitive; `NotResource` = complement).
  public static func overlaps(_ first: ResourceElement, _ second: ResourceElement) -> Bool {
    PrefixCoverage.evaluate(prefix: "", required: [[first], [second]], denied: []).kind != .none
  }

  /// Whether some action is matched by both elements (case-insensitive; `NotAction` = complement).
  public static func overlaps(_ first: ActionElement, _ second: ActionElement) -> Bool {
    PrefixCoverage.evaluate(prefix: "", required: [[folded(first)], [folded(second)]], denied: []).kind
      != .none
  }

  /// Whether `element` matches some action of the service `prefix` (`s3:`, `kms:`).
  public static func matchesSomeAction(_ element: ActionElement, inService prefix: String) -> Bool {
    let folded = folded(element)
    if !element.negated {
      return folded.patterns.contains { PrefixCoverage.intersects($0, prefix: prefix.lowercased()) }
    }
    return PrefixCoverage.evaluate(prefix: prefix.lowercased(), required: [[folded]], denied: []).kind
      != .none
  }

  private static func folded(_ element: ActionElement) -> ResourceElement {
    ResourceElement(negated: element.negated, element.patterns.map { $0.pattern.lowercased() })
  }
}
