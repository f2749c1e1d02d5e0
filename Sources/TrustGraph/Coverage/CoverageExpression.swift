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

/// A pattern as written and how to read it; compiled to a `LanguagePattern` only when its automaton
/// is needed.
struct PatternSource: Hashable {
  /// How a pattern's text is read.
  enum Syntax: Hashable {
    /// A `Resource` ARN pattern (field by field for six-field ARNs).
    case arn
    /// A plain glob (`StringLike`).
    case glob
    /// A literal (`StringEquals`).
    case literal
  }

  var syntax: Syntax
  var text: String

  func compiled() -> LanguagePattern {
    switch syntax {
    case .arn: return LanguagePattern(arn: text)
    case .glob: return LanguagePattern(glob: text)
    case .literal: return LanguagePattern(literal: text)
    }
  }

  /// How the pattern relates to `prefix` (UTF-8), judged from its literal start alone.
  func quickClass(prefix: [UInt8]) -> QuickClass {
    var position = 0
    for byte in text.utf8 {
      if syntax != .literal, byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") {
        let isFinalStar = byte == UInt8(ascii: "*") && position == text.utf8.count - 1
        return isFinalStar ? .saturated : .walk
      }
      guard position < prefix.count else { return .walk }
      if prefix[position] != byte { return .dead }
      position += 1
    }
    return position == prefix.count ? .walk : .dead
  }

  /// How a pattern relates to the prefix, decided from its leading literal characters alone.
  enum QuickClass {
    /// It disagrees with the prefix: it matches nothing under it.
    case dead
    /// It is `L*` with `L` a prefix of the prefix: it matches everything under it (a final `*`
    /// lies in the resource part of an ARN, so it crosses every character).
    case saturated
    /// Anything else: run the automaton.
    case walk
  }
}

/// The distinct patterns of one coverage question, by index.
struct PatternTable {
  private(set) var sources: [PatternSource] = []
  private var indices: [PatternSource: Int] = [:]

  /// The index of the pattern `text` read as `syntax`, when known.
  func index(_ syntax: PatternSource.Syntax, _ text: String) -> Int? {
    indices[PatternSource(syntax: syntax, text: text)]
  }

  /// The index of the pattern `text` read as `syntax`, adding it when new.
  mutating func add(_ syntax: PatternSource.Syntax, _ text: String) -> Int {
    let source = PatternSource(syntax: syntax, text: text)
    if let known = indices[source] { return known }
    sources.append(source)
    indices[source] = sources.count - 1
    return sources.count - 1
  }
}
