import PolicyLanguage

/// How much of a prefix a set of grants covers: every key under it, some keys, or none.
public struct CoverageResult: Sendable, Hashable {
  /// `all` = every string starting with the prefix; `some` = part of them; `none` = not one.
  public enum Kind: String, Sendable, Hashable, Codable {
    case all
    case some
    case none
  }

  public var kind: Kind
  /// The allow patterns that match at least one string under the prefix, in the order given.
  /// A `NotResource` element that leaves part of the prefix uncovered appears as `NotResource P1, P2`.
  public var patterns: [String]
  /// A shortest string under the prefix that is covered (nil when `kind == .none`).
  public var coveredExample: String?
  /// A shortest string under the prefix that is not covered (nil when `kind == .all`).
  public var uncoveredExample: String?

  public init(kind: Kind, patterns: [String], coveredExample: String? = nil, uncoveredExample: String? = nil)
  {
    self.kind = kind
    self.patterns = patterns
    self.coveredExample = coveredExample
    self.uncoveredExample = uncoveredExample
  }
}

/// Exact prefix coverage of ARN patterns, decided with automata (never with string-prefix guesses).
///
/// The question is about regular languages: the prefix `P` stands for `P·Σ*` (every string that
/// starts with it), each `Resource` pattern for the ARNs it matches (as `ResourceElement.applies`
/// matches them: case-sensitive, field by field for six-field ARN patterns), a `NotResource` element
/// for the complement of its patterns' union. Coverage is `all` when
/// `P·Σ* ⊆ (∩ required groups) ∖ (∪ denied)`, `some` when the intersection is non-empty, else `none`.
/// Policy variables must already be substituted by the caller.
public enum PrefixCoverage {
  /// Coverage of `prefix` by `required` (groups intersected; each group is the union of its
  /// elements, e.g. the identity-side allows and the bucket-policy allows) minus `denied` (the
  /// elements of unconditional denies). An empty group covers nothing; no groups at all means
  /// nothing is required (every string is allowed before the denies).
  public static func evaluate(prefix: String, required: [[ResourceElement]], denied: [ResourceElement])
    -> CoverageResult
  {
    var table = PatternTable()
    let outcome = explore(prefix: prefix, required: required, denied: denied, table: &table)
    var patterns: [String] = []
    for group in required {
      for resource in group {
        for text in reachingPatterns(of: resource, prefix: prefix, outcome: outcome, table: table)
        where !patterns.contains(text) {
          patterns.append(text)
        }
      }
    }
    return CoverageResult(
      kind: outcome.kind, patterns: patterns, coveredExample: outcome.covered,
      uncoveredExample: outcome.uncovered)
  }

  private static func explore(
    prefix: String, required: [[ResourceElement]], denied: [ResourceElement], table: inout PatternTable
  ) -> CoverageExplorer.Outcome {
    func element(_ resource: ResourceElement) -> CoverageExpression.Element {
      CoverageExpression.Element(
        negated: resource.negated,
        patterns: resource.patterns.map { table.add(.arn, $0.pattern) })
    }
    let groups = required.map { group in group.map { [element($0)] } }
    let expression = CoverageExpression(groups: groups, denied: denied.map { [element($0)] })
    return CoverageExplorer.explore(prefix: prefix, patterns: table.sources, expression: expression)
  }

  /// Whether a single resource pattern matches at least one string that starts with `prefix`.
  public static func intersects(_ glob: Glob, prefix: String) -> Bool {
    let pattern = PatternSource(syntax: .arn, text: glob.pattern)
    let expression = CoverageExpression(groups: [[[.init(negated: false, patterns: [0])]]], denied: [])
    return CoverageExplorer.explore(prefix: prefix, patterns: [pattern], expression: expression)
      .reachesPrefix[0]
  }

  /// The texts of `resource`'s patterns that reach under the prefix; for `NotResource`, the element
  /// itself when its complement does.
  private static func reachingPatterns(
    of resource: ResourceElement, prefix: String, outcome: CoverageExplorer.Outcome, table: PatternTable
  ) -> [String] {
    let texts = resource.patterns.map(\.pattern)
    guard resource.negated else {
      return texts.filter { outcome.reachesPrefix[table.index(.arn, $0)!] }
    }
    var ownTable = PatternTable()
    let complement = explore(prefix: prefix, required: [[resource]], denied: [], table: &ownTable)
    return complement.kind == .none ? [] : ["NotResource " + texts.joined(separator: ", ")]
  }
}
