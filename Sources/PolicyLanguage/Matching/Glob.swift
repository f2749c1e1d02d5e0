/// An IAM wildcard pattern (`*` any run of characters, `?` one character), compiled once.
///
/// Matching works on UTF-8 bytes without allocating; `?` consumes one whole character.
/// `caseInsensitive` folds case (actions and condition keys are case-insensitive in IAM, ARNs and
/// most values are not).
public struct Glob: Sendable, Hashable, CustomStringConvertible {
  /// The pattern as written in the policy.
  public let pattern: String
  public let caseInsensitive: Bool
  /// The pattern to match: `pattern` folded when case-insensitive; its `*` and `?` are wildcards.
  private let folded: String
  /// A pattern built from pieces (policy-variable substitution) whose `*`/`?` may be literal:
  /// its wildcards are `starByte` / `questionByte` instead, and it replaces `folded`.
  private let compiled: [UInt8]?
  /// True when the pattern has no wildcard: matching is plain equality.
  public let isLiteral: Bool

  /// Compiled form of a wildcard in `compiled` (never a byte of valid UTF-8, so never a literal).
  static let starByte: UInt8 = 0xFF
  static let questionByte: UInt8 = 0xFE

  public init(_ pattern: String, caseInsensitive: Bool = false) {
    self.pattern = pattern
    self.caseInsensitive = caseInsensitive
    folded = caseInsensitive ? Glob.fold(pattern) : pattern
    compiled = nil
    isLiteral = !pattern.utf8.contains { $0 == 0x2A || $0 == 0x3F }
  }

  /// A pattern already compiled (wildcards as `starByte`/`questionByte`, other bytes literal).
  init(compiled bytes: [UInt8], caseInsensitive: Bool) {
    let display = bytes.map { $0 == Glob.starByte ? 0x2A : $0 == Glob.questionByte ? 0x3F : $0 }
    pattern = String(decoding: display, as: UTF8.self)
    self.caseInsensitive = caseInsensitive
    isLiteral = !bytes.contains { $0 == Glob.starByte || $0 == Glob.questionByte }
    if !bytes.contains(where: { $0 == 0x2A || $0 == 0x3F }) {
      folded = caseInsensitive ? Glob.fold(pattern) : pattern
      compiled = nil
    } else {
      folded = pattern
      compiled = caseInsensitive ? Glob.foldLiterals(bytes) : bytes
    }
  }

  public var description: String { pattern }

  /// True when the pattern is `*` alone (matches everything).
  public var matchesEverything: Bool { compiled == nil ? pattern == "*" : compiled == [Glob.starByte] }

  /// Whether `text` matches the whole pattern.
  public func matches(_ text: String) -> Bool {
    var subject = text
    if caseInsensitive && subject.utf8.contains(where: { $0 >= 0x80 }) { subject = subject.lowercased() }
    return Glob.withBytes(subject) { matches(bytes: $0) }
  }

  /// Whether the UTF-8 `text` matches the whole pattern (case-insensitive patterns fold ASCII only here).
  func matches(bytes text: UnsafeBufferPointer<UInt8>) -> Bool {
    withPatternBytes { pattern, wildcards in
      Glob.match(pattern, text, wildcards: wildcards, folding: caseInsensitive)
    }
  }

  /// Calls `body` with the bytes to match and the wildcard bytes they use (nil when literal).
  func withPatternBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>, Wildcards?) -> Result) -> Result {
    if let compiled {
      return compiled.withUnsafeBufferPointer { body($0, isLiteral ? nil : Wildcards.compiled) }
    }
    return Glob.withBytes(folded) { body($0, isLiteral ? nil : Wildcards.plain) }
  }

  /// Calls `body` with the UTF-8 bytes of `text`, copying only when the string is not contiguous.
  @inline(__always)
  static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
  }

  /// The bytes that stand for `*` and `?` in a pattern buffer.
  struct Wildcards {
    var star: UInt8
    var question: UInt8
    static let plain = Wildcards(star: 0x2A, question: 0x3F)
    static let compiled = Wildcards(star: Glob.starByte, question: Glob.questionByte)
  }

  @inline(__always)
  static func lower(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  /// Whether `text` matches all of `pattern`; without `wildcards` the pattern is literal.
  /// Iterative matching with single-star backtracking: linear for patterns without many stars.
  static func match(
    _ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>, wildcards: Wildcards?,
    folding: Bool
  ) -> Bool {
    guard let wildcards else {
      guard pattern.count == text.count else { return false }
      if !folding { return pattern.elementsEqual(text) }
      for index in 0..<text.count where pattern[index] != lower(text[index]) { return false }
      return true
    }
    var p = 0
    var t = 0
    var starP = -1
    var starT = 0
    while t < text.count {
      if p < pattern.count {
        let expected = pattern[p]
        if expected == wildcards.question {
          p += 1
          t = nextCharacter(text, after: t)
          continue
        }
        if expected == wildcards.star {
          starP = p
          starT = t
          p += 1
          continue
        }
        if expected == (folding ? lower(text[t]) : text[t]) {
          p += 1
          t += 1
          continue
        }
      }
      guard starP >= 0 else { return false }
      p = starP + 1
      starT = nextCharacter(text, after: starT)
      t = starT
    }
    while p < pattern.count, pattern[p] == wildcards.star { p += 1 }
    return p == pattern.count
  }

  /// The index after the UTF-8 character starting at `index`.
  @inline(__always)
  private static func nextCharacter(_ text: UnsafeBufferPointer<UInt8>, after index: Int) -> Int {
    var next = index + 1
    while next < text.count, text[next] & 0xC0 == 0x80 { next += 1 }
    return next
  }

  static func fold(_ text: String) -> String {
    text.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 } ? text.lowercased() : text
  }

  /// Folds the literal runs of a compiled pattern, leaving the wildcard bytes in place.
  private static func foldLiterals(_ compiled: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    var run: [UInt8] = []
    for byte in compiled + [starByte] {
      guard byte == starByte || byte == questionByte else {
        run.append(byte)
        continue
      }
      result += Array(fold(String(decoding: run, as: UTF8.self)).utf8)
      result.append(byte)
      run = []
    }
    result.removeLast()
    return result
  }

  public static func == (lhs: Glob, rhs: Glob) -> Bool {
    lhs.pattern == rhs.pattern && lhs.caseInsensitive == rhs.caseInsensitive && lhs.compiled == rhs.compiled
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(pattern)
    hasher.combine(caseInsensitive)
  }
}
