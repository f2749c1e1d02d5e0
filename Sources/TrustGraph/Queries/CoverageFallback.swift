import PolicyLanguage

/// How much of a prefix a set of grants covers (stand-in until the exact automata version lands).
public struct CoverageResult: Sendable, Hashable {
  /// `all` = every string starting with the prefix; `some` = part of them; `none` = not one.
  public enum Kind: String, Sendable, Hashable, Codable {
    case all
    case some
    case none
  }

  public var kind: Kind
  public var patterns: [String]
  public var coveredExample: String?
  public var uncoveredExample: String?

  public init(kind: Kind, patterns: [String], coveredExample: String? = nil, uncoveredExample: String? = nil)
  {
    self.kind = kind
    self.patterns = patterns
    self.coveredExample = coveredExample
    self.uncoveredExample = uncoveredExample
  }
}

/// Prefix coverage by witnesses and trailing-star patterns (stand-in until the exact version lands).
public enum PrefixCoverage {
  public static func evaluate(prefix: String, required: [[ResourceElement]], denied: [ResourceElement])
    -> CoverageResult
  {
    let denyPatterns = denied.filter { !$0.negated }.flatMap(\.patterns)
    var patterns: [String] = []
    var example: String?
    var allCovered = true
    for group in required {
      var groupCovers = false
      for element in group where !element.negated {
        for glob in element.patterns {
          guard let witness = Witness.key(prefix: prefix, matching: [glob.pattern]) else { continue }
          if !patterns.contains(glob.pattern) { patterns.append(glob.pattern) }
          if example == nil { example = witness }
          if coversAll(glob.pattern, prefix) { groupCovers = true }
        }
      }
      if group.contains(where: \.negated) { groupCovers = true }
      allCovered = allCovered && groupCovers
    }
    if required.contains(where: { $0.isEmpty }) || (!required.isEmpty && patterns.isEmpty) {
      return CoverageResult(kind: .none, patterns: [])
    }
    if denyPatterns.contains(where: { coversAll($0.pattern, prefix) }) {
      return CoverageResult(kind: .none, patterns: [])
    }
    let denyTouches = denyPatterns.contains { Witness.key(prefix: prefix, matching: [$0.pattern]) != nil }
    let kind: CoverageResult.Kind = allCovered && !denyTouches ? .all : .some
    return CoverageResult(kind: kind, patterns: patterns, coveredExample: example)
  }

  private static func coversAll(_ pattern: String, _ prefix: String) -> Bool {
    guard let star = pattern.firstIndex(of: "*") else { return false }
    let head = pattern[..<star]
    return !head.contains("?") && pattern[star...].allSatisfy { $0 == "*" } && prefix.hasPrefix(head)
  }
}
