/// Decides a coverage question exactly: walks the product of all pattern automata over the
/// language `prefix·Σ*`.
///
/// The alphabet is symbolic: one symbol per character that some pattern spells out, plus one symbol
/// for "any other character" (all such characters behave alike for every pattern). The prefix is
/// read first (a single path); from there a breadth-first search visits every reachable product
/// state once (memoised), and each state says whether the strings reaching it are in the set.
/// Patterns that are dead or saturated after the prefix become constants, so real policies usually
/// leave only a handful of live automata.
struct CoverageExplorer {
  /// What the exploration found.
  struct Outcome {
    var kind: CoverageResult.Kind
    /// A shortest string under the prefix that is in the set.
    var covered: String?
    /// A shortest string under the prefix that is not.
    var uncovered: String?
    /// For each pattern of the table: whether it matches some string under the prefix.
    var reachesPrefix: [Bool]
    /// Product states visited after the prefix (the cost of the question).
    var exploredStates: Int
    /// Patterns whose automaton had to be run (the others were decided from their literal start).
    var walkedPatterns: Int
  }

  /// Product states explored before giving up on exactness; beyond it the answer is `some`
  /// (never under-reporting). Real policies stay far below it.
  static let stateLimit = 50_000

  private static let otherSymbol: Int32 = -2

  static func explore(prefix: String, patterns: [PatternSource], expression: CoverageExpression) -> Outcome {
    let prefixBytes = Array(prefix.utf8)
    var constants = [Bool](repeating: false, count: patterns.count)
    var reachesPrefix = [Bool](repeating: false, count: patterns.count)
    var walked: [Int] = []
    for (index, pattern) in patterns.enumerated() {
      switch pattern.quickClass(prefix: prefixBytes) {
      case .dead: continue
      case .saturated:
        constants[index] = true
        reachesPrefix[index] = true
      case .walk: walked.append(index)
      }
    }
    let languages = walked.map { patterns[$0].compiled() }
    var alphabet: [Unicode.Scalar: Int32] = [:]
    for language in languages {
      for case .literal(let scalar) in language.tokens where alphabet[scalar] == nil {
        alphabet[scalar] = Int32(alphabet.count)
      }
    }
    let compiled = languages.map { CompiledPattern($0, symbolOf: { alphabet[$0] }) }
    let afterPrefix = readPrefix(Array(prefix.unicodeScalars), compiled: compiled, alphabet: alphabet)
    var live: [Int] = []
    for (position, pattern) in compiled.enumerated() {
      let state = afterPrefix[position]
      if pattern.isDead(state, at: 0) { continue }
      reachesPrefix[walked[position]] = true
      if pattern.isSaturated(state, at: 0) {
        constants[walked[position]] = true
      } else {
        live.append(position)
      }
    }
    var search = ProductSearch(
      compiled: live.map { compiled[$0] }, patternIndices: live.map { walked[$0] }, constants: constants,
      start: live.flatMap { afterPrefix[$0] })
    let found = search.run(expression: expression)
    let other = otherCharacter(avoiding: alphabet)
    let symbolText = Dictionary(uniqueKeysWithValues: alphabet.map { ($0.value, $0.key) })
    func spell(_ path: [Int32]?) -> String? {
      guard let path else { return nil }
      var text = String.UnicodeScalarView()
      for symbol in path { text.append(symbolText[symbol] ?? other) }
      return prefix + String(text)
    }
    let kind: CoverageResult.Kind
    if found.exhausted {
      kind = .some
    } else if found.covered == nil {
      kind = .none
    } else {
      kind = found.uncovered == nil ? .all : .some
    }
    return Outcome(
      kind: kind, covered: spell(found.covered), uncovered: spell(found.uncovered),
      reachesPrefix: reachesPrefix, exploredStates: search.stateCount, walkedPatterns: walked.count)
  }

  /// Each pattern's state after reading `prefix`, as its own word array.
  private static func readPrefix(
    _ prefix: [Unicode.Scalar], compiled: [CompiledPattern], alphabet: [Unicode.Scalar: Int32]
  ) -> [[UInt64]] {
    let symbols = prefix.map { alphabet[$0] ?? otherSymbol }
    return compiled.map { pattern in
      var state = [UInt64](repeating: 0, count: pattern.wordCount)
      var next = state
      pattern.writeInitial(into: &state, at: 0)
      for symbol in symbols {
        if pattern.isDead(state, at: 0) || pattern.isSaturated(state, at: 0) { break }
        for word in 0..<pattern.wordCount { next[word] = 0 }
        pattern.step(state, at: 0, symbol: symbol, into: &next, at: 0)
        swap(&state, &next)
      }
      return state
    }
  }

  /// A character that no pattern spells out, to show "any other character" in examples.
  private static func otherCharacter(avoiding alphabet: [Unicode.Scalar: Int32]) -> Unicode.Scalar {
    for candidate in "x0_-abcdefghijklmnopqrstuvwyz123456789".unicodeScalars where alphabet[candidate] == nil
    {
      return candidate
    }
    var value: UInt32 = 0xC0
    while alphabet[Unicode.Scalar(value)!] != nil { value += 1 }
    return Unicode.Scalar(value)!
  }
}

/// The breadth-first search over product states of the live patterns.
private struct ProductSearch {
  let compiled: [CompiledPattern]
  /// For each live pattern, its index in the pattern table.
  let patternIndices: [Int]
  /// Matches of the patterns that are constant after the prefix (dead: false, saturated: true).
  let constants: [Bool]
  let offsets: [Int]
  let width: Int
  let symbols: [Int32]
  var states: [[UInt64]]
  var parents: [Int32] = [-1]
  var via: [Int32] = [0]

  /// Shortest symbol paths to a covered and an uncovered state, and whether the state limit was hit.
  struct Found {
    var covered: [Int32]?
    var uncovered: [Int32]?
    var exhausted = false
  }

  init(compiled: [CompiledPattern], patternIndices: [Int], constants: [Bool], start: [UInt64]) {
    self.compiled = compiled
    self.patternIndices = patternIndices
    self.constants = constants
    var offsets: [Int] = []
    var width = 0
    for pattern in compiled {
      offsets.append(width)
      width += pattern.wordCount
    }
    self.offsets = offsets
    self.width = width
    var symbols = Set<Int32>()
    for pattern in compiled {
      for symbol in pattern.literalSymbols where symbol >= 0 { symbols.insert(symbol) }
    }
    self.symbols = symbols.sorted() + [-2]
    states = [start]
  }

  var stateCount: Int { states.count }

  mutating func run(expression: CoverageExpression) -> Found {
    var found = Found()
    var ids: [[UInt64]: Int32] = [states[0]: 0]
    var matches = constants
    var next = 0
    while next < states.count {
      let state = states[next]
      for (live, pattern) in compiled.enumerated() {
        matches[patternIndices[live]] = pattern.accepts(state, at: offsets[live])
      }
      if expression.holds(matches) {
        if found.covered == nil { found.covered = path(to: next) }
      } else if found.uncovered == nil {
        found.uncovered = path(to: next)
      }
      if found.covered != nil && found.uncovered != nil { return found }
      for symbol in symbols {
        var successor = [UInt64](repeating: 0, count: width)
        for (live, pattern) in compiled.enumerated() {
          pattern.step(state, at: offsets[live], symbol: symbol, into: &successor, at: offsets[live])
        }
        if ids[successor] != nil { continue }
        if states.count >= CoverageExplorer.stateLimit {
          found.exhausted = true
          return found
        }
        ids[successor] = Int32(states.count)
        states.append(successor)
        parents.append(Int32(next))
        via.append(symbol)
      }
      next += 1
    }
    return found
  }

  private func path(to state: Int) -> [Int32] {
    var symbols: [Int32] = []
    var current = state
    while parents[current] >= 0 {
      symbols.append(via[current])
      current = Int(parents[current])
    }
    return symbols.reversed()
  }
}
