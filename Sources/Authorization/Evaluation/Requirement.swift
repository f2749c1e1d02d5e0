import PolicyLanguage

/// What must hold for something to be true, in disjunctive normal form over undecided conditions.
///
/// Evaluating with unknown keys, a statement may apply only if some conditions turn out true. A
/// requirement is `never`, `always`, or a list of alternatives, any one of which suffices; every
/// condition of an alternative must hold. The definite cases carry no arrays so that evaluations
/// without unknown keys allocate nothing here.
enum Requirement: Sendable, Hashable {
  case never
  case always
  /// Alternatives (OR) of condition sets (AND); never empty, and no alternative is empty.
  case when([[Condition]])

  /// More alternatives than this are not tracked one by one: the surplus is dropped from the
  /// residual (never from the outcome, which stays conditional).
  static let maximumAlternatives = 64

  /// The requirement of one statement that applies when `undecided` all hold.
  init(undecided: [Condition]) {
    self = undecided.isEmpty ? .always : .when([undecided])
  }

  /// The alternatives as `Residual` lists them: `[]` for never, `[[]]` for always.
  var alternatives: [[Condition]] {
    switch self {
    case .never: return []
    case .always: return [[]]
    case .when(let alternatives): return alternatives
    }
  }

  static func || (lhs: Requirement, rhs: Requirement) -> Requirement {
    switch (lhs, rhs) {
    case (.always, _), (_, .always): return .always
    case (.never, let other), (let other, .never): return other
    case (.when(let left), .when(let right)):
      var merged = left
      for alternative in right where !merged.contains(alternative) {
        guard merged.count < maximumAlternatives else { break }
        merged.append(alternative)
      }
      return .when(merged)
    }
  }

  static func && (lhs: Requirement, rhs: Requirement) -> Requirement {
    switch (lhs, rhs) {
    case (.never, _), (_, .never): return .never
    case (.always, let other), (let other, .always): return other
    case (.when(let left), .when(let right)):
      var product: [[Condition]] = []
      for first in left {
        for second in right {
          var combined = first
          for condition in second where !combined.contains(condition) { combined.append(condition) }
          if !product.contains(combined), product.count < maximumAlternatives { product.append(combined) }
        }
      }
      return .when(product)
    }
  }
}
