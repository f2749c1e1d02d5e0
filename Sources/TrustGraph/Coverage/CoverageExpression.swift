/// A set of strings built from patterns by union, complement, intersection and difference — the
/// shape every coverage question takes.
///
/// A string is in the set when every group holds (some term of the group holds) and no denied term
/// holds. A term holds when all its elements hold; an element holds when one of its patterns matches
/// (or, for a negated element such as `NotResource`, when none does).
struct CoverageExpression {
  /// A union of patterns, or its complement.
  struct Element {
    var negated: Bool
    /// Indices into the pattern table.
    var patterns: [Int]
  }

  /// An intersection of elements; an empty term holds for every string.
  typealias Term = [Element]

  /// Groups that must all hold; a group holds when one of its terms does (an empty group never holds).
  var groups: [[Term]]
  /// Terms none of which may hold.
  var denied: [Term]

  /// Whether a string whose pattern matches are `matches` (indexed like the pattern table) is in the set.
  func holds(_ matches: [Bool]) -> Bool {
    for group in groups where !group.contains(where: { Self.holds($0, matches) }) { return false }
    return !denied.contains { Self.holds($0, matches) }
  }

  private static func holds(_ term: Term, _ matches: [Bool]) -> Bool {
    term.allSatisfy { element in
      let matched = element.patterns.contains { matches[$0] }
      return element.negated ? !matched : matched
    }
  }
}

/// The distinct patterns of one coverage question, each compiled once.
struct PatternTable {
  private(set) var patterns: [LanguagePattern] = []
  private var indices: [LanguagePattern: Int] = [:]

  /// The index of `pattern`, when known.
  func index(of pattern: LanguagePattern) -> Int? { indices[pattern] }

  /// The index of `pattern`, adding it when new.
  mutating func add(_ pattern: LanguagePattern) -> Int {
    if let known = indices[pattern] { return known }
    patterns.append(pattern)
    indices[pattern] = patterns.count - 1
    return patterns.count - 1
  }
}
