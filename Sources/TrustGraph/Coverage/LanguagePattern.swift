/// One pattern of a coverage question: an IAM glob (`*` any run, `?` one character) or a literal
/// string, as a sequence of tokens.
///
/// Its automaton has one position per token plus an accepting end: position `i` means "the first
/// `i` tokens are matched". Runs of `*` are collapsed, so a star is never followed by a star.
struct LanguagePattern: Hashable {
  /// One token of a pattern. Wildcards inside the first five fields of an ARN pattern do not
  /// match `:` (`withinField`), so they never cross into the next field.
  enum Token: Hashable {
    case literal(Unicode.Scalar)
    case anyCharacter(withinField: Bool)
    case anyString(withinField: Bool)
  }

  /// The pattern as written (for evidence).
  let text: String
  let tokens: [Token]

  /// Compiles a glob: `*` and `?` are wildcards, every other character stands for itself.
  init(glob: String) {
    text = glob
    tokens = Self.tokens(of: Substring(glob), withinField: false)
  }

  /// Compiles a `Resource` pattern as IAM matches ARNs (like `ARNPattern`): a pattern with all six
  /// fields is matched field by field, so wildcards in `arn:partition:service:region:account:` stay
  /// inside their field while those of the resource part cross `/` and `:`; any other pattern is a
  /// plain glob.
  init(arn: String) {
    text = arn
    let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard arn != "*", fields.count == 6 else {
      tokens = Self.tokens(of: Substring(arn), withinField: false)
      return
    }
    var tokens: [Token] = []
    for field in fields.dropLast() {
      tokens += Self.tokens(of: field, withinField: true)
      tokens.append(.literal(":"))
    }
    self.tokens = tokens + Self.tokens(of: fields[5], withinField: false)
  }

  private static func tokens(of text: Substring, withinField: Bool) -> [Token] {
    var tokens: [Token] = []
    for scalar in text.unicodeScalars {
      switch scalar {
      case "*":
        if tokens.last != .anyString(withinField: withinField) {
          tokens.append(.anyString(withinField: withinField))
        }
      case "?": tokens.append(.anyCharacter(withinField: withinField))
      default: tokens.append(.literal(scalar))
      }
    }
    return tokens
  }

  /// Compiles a literal: every character, `*` and `?` included, stands for itself (`StringEquals`).
  init(literal: String) {
    text = literal
    tokens = literal.unicodeScalars.map { .literal($0) }
  }
}

/// A pattern's automaton in a form cheap to step: token kinds and literal symbols by position.
///
/// A state is a set of positions kept as a bitset of `wordCount` words inside a larger flat array
/// (the product state), so that states hash and compare as plain word arrays.
final class CompiledPattern {
  enum Kind: UInt8 {
    case literal
    case anyCharacter
    case anyString
    /// `?` inside an ARN field: any character but `:`.
    case fieldCharacter
    /// `*` inside an ARN field: any run without `:`.
    case fieldString
  }

  /// Number of tokens; position `tokenCount` is the accepting one.
  let tokenCount: Int
  let kinds: [Kind]
  /// The alphabet symbol of each literal token (`-1` for wildcards).
  let literalSymbols: [Int32]
  /// Positions holding `*` (of either kind), ascending.
  let starPositions: [Int]
  /// The position of a final `*`: once reached, every continuation is accepted.
  let finalStarPosition: Int?
  let wordCount: Int

  /// The symbol of `:`, which field wildcards do not match (`-3` when no pattern spells it out).
  let colonSymbol: Int32

  init(_ pattern: LanguagePattern, symbolOf: (Unicode.Scalar) -> Int32?) {
    tokenCount = pattern.tokens.count
    colonSymbol = symbolOf(":") ?? -3
    var kinds: [Kind] = []
    var symbols: [Int32] = []
    var stars: [Int] = []
    for (position, token) in pattern.tokens.enumerated() {
      switch token {
      case .literal(let scalar):
        kinds.append(.literal)
        symbols.append(symbolOf(scalar) ?? -1)
      case .anyCharacter(let withinField):
        kinds.append(withinField ? .fieldCharacter : .anyCharacter)
        symbols.append(-1)
      case .anyString(let withinField):
        kinds.append(withinField ? .fieldString : .anyString)
        symbols.append(-1)
        stars.append(position)
      }
    }
    self.kinds = kinds
    literalSymbols = symbols
    starPositions = stars
    finalStarPosition = pattern.tokens.last == .anyString(withinField: false) ? tokenCount - 1 : nil
    wordCount = (tokenCount + 1 + 63) / 64
  }

  /// Writes the start state (position 0 and what `*` reaches without input) at `offset`.
  func writeInitial(into state: inout [UInt64], at offset: Int) {
    state[offset] |= 1
    normalize(&state, at: offset)
  }

  /// Writes the successor of the state at `offset` in `source` on `symbol` into `target` at `targetOffset`
  /// (which must be zero there).
  func step(
    _ source: [UInt64], at offset: Int, symbol: Int32, into target: inout [UInt64], at targetOffset: Int
  ) {
    for word in 0..<wordCount {
      var bits = source[offset + word]
      while bits != 0 {
        let position = word * 64 + bits.trailingZeroBitCount
        bits &= bits - 1
        if position == tokenCount { continue }
        switch kinds[position] {
        case .anyString: Self.set(position, in: &target, at: targetOffset)
        case .anyCharacter: Self.set(position + 1, in: &target, at: targetOffset)
        case .fieldString: if symbol != colonSymbol { Self.set(position, in: &target, at: targetOffset) }
        case .fieldCharacter:
          if symbol != colonSymbol { Self.set(position + 1, in: &target, at: targetOffset) }
        case .literal:
          if literalSymbols[position] == symbol { Self.set(position + 1, in: &target, at: targetOffset) }
        }
      }
    }
    normalize(&target, at: targetOffset)
  }

  /// Whether the state at `offset` accepts (the whole pattern is matched).
  func accepts(_ state: [UInt64], at offset: Int) -> Bool {
    Self.isSet(tokenCount, in: state, at: offset)
  }

  /// Whether the state at `offset` is empty: no continuation can match any more.
  func isDead(_ state: [UInt64], at offset: Int) -> Bool {
    (0..<wordCount).allSatisfy { state[offset + $0] == 0 }
  }

  /// Whether the state at `offset` has reached a final `*`: every continuation matches.
  func isSaturated(_ state: [UInt64], at offset: Int) -> Bool {
    guard let finalStarPosition else { return false }
    return Self.isSet(finalStarPosition, in: state, at: offset)
  }

  /// Adds what `*` positions reach without input, and collapses a saturated state to one canonical
  /// form so that equivalent product states are memoised once.
  private func normalize(_ state: inout [UInt64], at offset: Int) {
    for star in starPositions where Self.isSet(star, in: state, at: offset) {
      Self.set(star + 1, in: &state, at: offset)
    }
    if let finalStarPosition, Self.isSet(finalStarPosition, in: state, at: offset) {
      for word in 0..<wordCount { state[offset + word] = 0 }
      Self.set(finalStarPosition, in: &state, at: offset)
      Self.set(tokenCount, in: &state, at: offset)
    }
  }

  private static func set(_ position: Int, in state: inout [UInt64], at offset: Int) {
    state[offset + position / 64] |= 1 << UInt64(position % 64)
  }

  private static func isSet(_ position: Int, in state: [UInt64], at offset: Int) -> Bool {
    state[offset + position / 64] & (1 << UInt64(position % 64)) != 0
  }
}
