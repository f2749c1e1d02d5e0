import PolicyLanguage

/// Whether two policy elements can match a common string: an action both statements grant, a
/// resource both name. Decided exactly: pairs of patterns are settled from their literal starts
/// where that is conclusive, the rest with the same automata as prefix coverage.
public enum PatternOverlap {
  /// Whether some resource is matched by both elements (case-sensitive; `NotResource` = complement).
  public static func overlaps(_ first: ResourceElement, _ second: ResourceElement) -> Bool {
    guard !first.negated, !second.negated else {
      return PrefixCoverage.evaluate(prefix: "", required: [[first], [second]], denied: []).kind != .none
    }
    return first.patterns.contains { left in
      second.patterns.contains { right in
        overlap(left.pattern, right.pattern, matches: { ARNPattern($1).matches($0) })
      }
    }
  }

  /// Whether some action is matched by both elements (case-insensitive; `NotAction` = complement).
  public static func overlaps(_ first: ActionElement, _ second: ActionElement) -> Bool {
    let left = folded(first)
    let right = folded(second)
    guard !left.negated, !right.negated else {
      return PrefixCoverage.evaluate(prefix: "", required: [[left], [right]], denied: []).kind != .none
    }
    return left.patterns.contains { one in
      right.patterns.contains { other in
        overlap(one.pattern, other.pattern, matches: { Glob($1).matches($0) })
      }
    }
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

  /// Two patterns overlap. Literal starts that disagree rule it out; a literal pattern overlaps when
  /// the other matches it; `L1*` and `L2*` overlap when one start extends the other (a final `*`
  /// crosses every field); anything else goes to the automata.
  private static func overlap(_ first: String, _ second: String, matches: (String, String) -> Bool) -> Bool {
    if first == "*" || second == "*" { return true }
    let firstStart = literalStart(first)
    let secondStart = literalStart(second)
    guard firstStart.starts(with: secondStart) || secondStart.starts(with: firstStart) else { return false }
    if firstStart.count == first.utf8.count { return matches(first, second) }
    if secondStart.count == second.utf8.count { return matches(second, first) }
    if isStartThenStar(first, firstStart) && isStartThenStar(second, secondStart) { return true }
    return PrefixCoverage.evaluate(
      prefix: "", required: [[ResourceElement([first])], [ResourceElement([second])]], denied: []
    ).kind != .none
  }

  /// The bytes before the first wildcard.
  private static func literalStart(_ pattern: String) -> String.UTF8View.SubSequence {
    let utf8 = pattern.utf8
    return utf8[..<(utf8.firstIndex { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") } ?? utf8.endIndex)]
  }

  private static func isStartThenStar(_ pattern: String, _ start: String.UTF8View.SubSequence) -> Bool {
    pattern.utf8.count == start.count + 1 && pattern.utf8.last == UInt8(ascii: "*")
  }

  private static func folded(_ element: ActionElement) -> ResourceElement {
    ResourceElement(negated: element.negated, element.patterns.map { $0.pattern.lowercased() })
  }
}
