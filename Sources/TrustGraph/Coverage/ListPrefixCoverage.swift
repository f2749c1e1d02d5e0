import PolicyLanguage

/// The `s3:prefix` values one statement admits for `s3:ListBucket`: the intersection of its
/// `s3:prefix` clauses (a statement without any admits every value).
///
/// A list request is judged on its `prefix` parameter; an absent parameter counts as `""`, as AWS's
/// examples assume. `…IfExists` and `ForAllValues:` clauses also admit the absent key, so they admit `""`.
public struct S3PrefixRestriction: Sendable, Hashable {
  /// One `s3:prefix` clause: its values as globs (`StringLike`) or literals (`StringEquals`),
  /// admitted (positive operators) or excluded (negated operators).
  public struct Clause: Sendable, Hashable {
    public var negated: Bool
    public var wildcards: Bool
    public var values: [String]
    /// Whether the absent key (`""`) is admitted regardless of `values` (positive clauses only: a
    /// negated clause admits whatever its values do not match).
    public var admitsAbsent: Bool

    public init(negated: Bool, wildcards: Bool, values: [String], admitsAbsent: Bool = false) {
      self.negated = negated
      self.wildcards = wildcards
      self.values = values
      self.admitsAbsent = admitsAbsent
    }
  }

  /// Clauses that must all hold; empty = every value.
  public var clauses: [Clause]

  public init(clauses: [Clause]) {
    self.clauses = clauses
  }

  /// A statement without `s3:prefix` clauses.
  public static let unrestricted = S3PrefixRestriction(clauses: [])

  /// The restriction a statement's conditions put on `s3:prefix`; other keys are ignored (the caller
  /// evaluates them). Nil when an `s3:prefix` clause uses an operator this cannot decide exactly
  /// (`…IgnoreCase`, `Null`, non-string operators): treat the statement as conditional.
  /// Policy variables in the values must already be substituted.
  public init?(conditions: [Condition]) {
    var clauses: [Clause] = []
    for condition in conditions where condition.normalizedKey == "s3:prefix" {
      let admitsAbsent = condition.op.ifExists || condition.op.qualifier == .forAllValues
      switch condition.op.base {
      case .stringEquals:
        clauses.append(
          Clause(negated: false, wildcards: false, values: condition.values, admitsAbsent: admitsAbsent))
      case .stringLike:
        clauses.append(
          Clause(negated: false, wildcards: true, values: condition.values, admitsAbsent: admitsAbsent))
      case .stringNotEquals:
        clauses.append(Clause(negated: true, wildcards: false, values: condition.values))
      case .stringNotLike:
        clauses.append(Clause(negated: true, wildcards: true, values: condition.values))
      default:
        return nil
      }
    }
    self.clauses = clauses
  }
}

extension PrefixCoverage {
  /// Coverage of the list requests whose `s3:prefix` starts with `prefix`: `required` groups
  /// (each the union of one side's allowing statements, e.g. identity side and bucket-policy side)
  /// intersected, minus the `denied` restrictions of unconditional denies. `patterns` lists the
  /// admitted values that reach under the prefix (`*` for an unrestricted statement,
  /// `not V` for an excluded value).
  public static func evaluateListing(
    prefix: String, required: [[S3PrefixRestriction]], denied: [S3PrefixRestriction]
  ) -> CoverageResult {
    var table = PatternTable()
    let empty = table.add(.literal, "")
    func term(_ restriction: S3PrefixRestriction) -> CoverageExpression.Term {
      restriction.clauses.map { clause in
        var patterns = clause.values.map {
          table.add(clause.wildcards ? .glob : .literal, $0)
        }
        if clause.admitsAbsent && !clause.negated { patterns.append(empty) }
        return CoverageExpression.Element(negated: clause.negated, patterns: patterns)
      }
    }
    let expression = CoverageExpression(
      groups: required.map { $0.map(term) }, denied: denied.map(term))
    let outcome = CoverageExplorer.explore(prefix: prefix, patterns: table.sources, expression: expression)
    var patterns: [String] = []
    func note(_ text: String) { if !patterns.contains(text) { patterns.append(text) } }
    for restriction in required.joined() {
      if restriction.clauses.isEmpty { note("*") }
      for clause in restriction.clauses {
        for value in clause.values {
          if clause.negated {
            note("not " + value)
          } else if outcome.reachesPrefix[table.index(clause.wildcards ? .glob : .literal, value)!] {
            note(value)
          }
        }
      }
    }
    return CoverageResult(
      kind: outcome.kind, patterns: patterns, coveredExample: outcome.covered,
      uncoveredExample: outcome.uncovered)
  }
}
