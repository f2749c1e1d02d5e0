/// One pattern of a coverage question: an IAM glob (`*` any run, `?` one character) or a literal
/// string, as a sequence of tokens.
///
/// Its automaton has one position per token plus an accepting end: position `i` means "the first
/// `i` tokens are matched". Runs of `*` are collapsed, so a star is never followed by a star.
struct LanguagePattern: Hashable {
  /// One token of a pattern.
  enum Token: Hashable {
    case literal(Unicode.Scalar)
    case anyCharacter
    case anyString
  }

  /// The pattern as written (for evidence).
  let text: String
  let tokens: [Token]

  /// Compiles a glob: `*` and `?` are wildcards, every other character stands for itself.
  init(glob: String) {
    text = glob
    var tokens: [Token] = []
    for scalar in glob.unicodeScalars {
      switch scalar {
      case "*": if tokens.last != .anyString { tokens.append(.anyString) }
      case "?": tokens.append(.anyCharacter)
      default: tokens.append(.literal(scalar))
      }
    }
    self.tokens = tokens
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
struct CompiledPattern {
  enum Kind: UInt8 {
    case literal
    case anyCharacter
    case anyString
  }

  /// Number of tokens; position `tokenCount` is the accepting one.
  let tokenCount: Int
  let kinds: [Kind]
  /// The alphabet symbol of each literal token (`-1` for wildcards).
  let literalSymbols: [Int32]
  /// Positions holding `*`, ascending.
  let starPositions: [Int]
  /// The position of a final `*`: once reached, every continuation is accepted.
  let finalStarPosition: Int?
  let wordCount: Int

  init(_ pattern: LanguagePattern, symbolOf: (Unicode.Scalar) -> Int32) {
    tokenCount = pattern.tokens.count
    var kinds: [Kind] = []
    var symbols: [Int32] = []
    var stars: [Int] = []
    for (position, token) in pattern.tokens.enumerated() {
      switch token {
      case .literal(let scalar):
        kinds.append(.literal)
        symbols.append(symbolOf(scalar))
      case .anyCharacter:
        kinds.append(.anyCharacter)
        symbols.append(-1)
      case .anyString:
        kinds.append(.anyString)
        symbols.append(-1)
        stars.append(position)
      }
    }
    self.kinds = kinds
    literalSymbols = symbols
    starPositions = stars
    finalStarPosition = pattern.tokens.last == .anyString ? tokenCount - 1 : nil
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
