/// Concrete strings that stand for glob patterns, so that a pattern-level question can be asked of
/// the evaluator with a real request.
enum Witness {
  /// The pattern with every wildcard replaced by one letter: a string the pattern matches.
  static func simple(_ pattern: String) -> String {
    String(pattern.map { $0 == "*" || $0 == "?" ? "x" : $0 })
  }

  /// A shortest string that starts with `prefix` and matches every glob of `patterns` (case-sensitive),
  /// or nil when there is none (or the search exceeds its budget).
  static func key(prefix: String, matching patterns: [String]) -> String? {
    let prefixScalars = Array(prefix.unicodeScalars)
    let globs = patterns.map { Array($0.unicodeScalars) }
    var alphabet = Set(prefixScalars)
    for glob in globs { alphabet.formUnion(glob.filter { $0 != "*" && $0 != "?" }) }
    alphabet.insert("x")
    let letters = alphabet.sorted()

    struct State: Hashable {
      var consumed: Int
      var positions: [[Int]]
    }
    func closure(_ positions: Set<Int>, _ glob: [Unicode.Scalar]) -> [Int] {
      var result = positions
      var stack = Array(positions)
      while let position = stack.popLast() {
        if position < glob.count, glob[position] == "*", result.insert(position + 1).inserted {
          stack.append(position + 1)
        }
      }
      return result.sorted()
    }
    func step(_ positions: [Int], _ glob: [Unicode.Scalar], _ letter: Unicode.Scalar) -> [Int] {
      var next = Set<Int>()
      for position in positions where position < glob.count {
        switch glob[position] {
        case "*": next.insert(position)
        case "?": next.insert(position + 1)
        case letter: next.insert(position + 1)
        default: break
        }
      }
      return closure(next, glob)
    }

    let start = State(consumed: 0, positions: globs.map { closure([0], $0) })
    var parents: [State: (State, Unicode.Scalar)?] = [start: nil]
    var queue = [start]
    var head = 0
    while head < queue.count, parents.count < 20_000 {
      let state = queue[head]
      head += 1
      if state.consumed == prefixScalars.count,
        zip(state.positions, globs).allSatisfy({ $0.0.contains($0.1.count) })
      {
        var text: [Unicode.Scalar] = []
        var cursor = state
        while let link = parents[cursor], let (previous, letter) = link {
          text.append(letter)
          cursor = previous
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.reversed())
        return String(result)
      }
      let choices = state.consumed < prefixScalars.count ? [prefixScalars[state.consumed]] : letters
      for letter in choices {
        let positions = zip(state.positions, globs).map { step($0.0, $0.1, letter) }
        guard positions.allSatisfy({ !$0.isEmpty }) else { continue }
        let next = State(consumed: min(state.consumed + 1, prefixScalars.count), positions: positions)
        if parents[next] == nil {
          parents[next] = (state, letter)
          queue.append(next)
        }
      }
    }
    return nil
  }
}

/// Remembers witness keys by prefix and patterns for the length of one query.
final class WitnessMemo {
  private var keys: [[String]: String?] = [:]

  func key(prefix: String, matching patterns: [String]) -> String? {
    let memoKey = [prefix] + patterns
    if let found = keys[memoKey] { return found }
    let found = Witness.key(prefix: prefix, matching: patterns)
    keys[memoKey] = .some(found)
    return found
  }
}
