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
  /// How a pattern's text is read.
  enum Syntax: Hashable {
    /// A `Resource` ARN pattern (field by field for six-field ARNs).
    case arn
    /// A plain glob (`StringLike`).
    case glob
    /// A literal (`StringEquals`).
    case literal
  }

  private struct Key: Hashable {
    var syntax: Syntax
    var text: String
  }

  private(set) var patterns: [LanguagePattern] = []
  private var indices: [Key: Int] = [:]

  /// The index of the pattern `text` read as `syntax`, when known.
  func index(_ syntax: Syntax, _ text: String) -> Int? { indices[Key(syntax: syntax, text: text)] }

  /// The index of the pattern `text` read as `syntax`, compiling it when new.
  mutating func add(_ syntax: Syntax, _ text: String) -> Int {
    let key = Key(syntax: syntax, text: text)
    if let known = indices[key] { return known }
    switch syntax {
    case .arn: patterns.append(LanguagePattern(arn: text))
    case .glob: patterns.append(LanguagePattern(glob: text))
    case .literal: patterns.append(LanguagePattern(literal: text))
    }
    indices[key] = patterns.count - 1
    return patterns.count - 1
  }
}
