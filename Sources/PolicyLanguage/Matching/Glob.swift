/// An IAM wildcard pattern (`*` any run of characters, `?` one character), compiled once.
///
/// Matching works on UTF-8 bytes without allocating; `?` consumes one whole character.
/// `caseInsensitive` folds case (actions and condition keys are case-insensitive in IAM, ARNs and
/// most values are not).
public struct Glob: Sendable, Hashable, CustomStringConvertible {
  /// Compiled form of a `*` wildcard (never a byte of valid UTF-8, so never a literal).
  static let starByte: UInt8 = 0xFF
  /// Compiled form of a `?` wildcard.
  static let questionByte: UInt8 = 0xFE

  /// The pattern as written in the policy.
  public let pattern: String
  public let caseInsensitive: Bool
  /// The pattern's bytes (folded when case-insensitive) with wildcards as `starByte`/`questionByte`.
  private let bytes: [UInt8]
  /// True when the pattern has no `*` or `?`: matching is plain equality.
  public let isLiteral: Bool

  public init(_ pattern: String, caseInsensitive: Bool = false) {
    let folded = caseInsensitive ? Glob.fold(pattern) : pattern
    self.init(
      pattern: pattern,
      compiled: folded.utf8.map { $0 == 0x2A ? Glob.starByte : $0 == 0x3F ? Glob.questionByte : $0 },
      caseInsensitive: caseInsensitive)
  }

  /// A pattern already compiled (wildcards as `starByte`/`questionByte`, other bytes literal).
  init(compiled: [UInt8], caseInsensitive: Bool) {
    let display = compiled.map { $0 == Glob.starByte ? 0x2A : $0 == Glob.questionByte ? 0x3F : $0 }
    self.init(
      pattern: String(decoding: display, as: UTF8.self),
      compiled: caseInsensitive ? Glob.foldLiterals(compiled) : compiled, caseInsensitive: caseInsensitive)
  }

  private init(pattern: String, compiled: [UInt8], caseInsensitive: Bool) {
    self.pattern = pattern
    self.caseInsensitive = caseInsensitive
    bytes = compiled
    isLiteral = !compiled.contains { $0 == Glob.starByte || $0 == Glob.questionByte }
  }

  public var description: String { pattern }

  /// True when the pattern is `*` alone (matches everything).
  public var matchesEverything: Bool { bytes == [Glob.starByte] }

  /// Whether `text` matches the whole pattern.
  public func matches(_ text: String) -> Bool {
    var subject = text
    if caseInsensitive && subject.utf8.contains(where: { $0 >= 0x80 }) { subject = subject.lowercased() }
    if let result = subject.utf8.withContiguousStorageIfAvailable({ matches(bytes: $0) }) { return result }
    return Array(subject.utf8).withUnsafeBufferPointer { matches(bytes: $0) }
  }

  /// Whether the UTF-8 `text` matches the whole pattern (case-insensitive patterns fold ASCII only here).
  func matches(bytes text: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { pattern in
      if isLiteral { return Glob.equal(pattern, text, folding: caseInsensitive) }
      return Glob.match(pattern, text, folding: caseInsensitive)
    }
  }

  @inline(__always)
  private static func lower(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  private static func equal(
    _ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>, folding: Bool
  )
    -> Bool
  {
    guard pattern.count == text.count else { return false }
    if !folding { return pattern.elementsEqual(text) }
    for index in 0..<text.count where pattern[index] != lower(text[index]) { return false }
    return true
  }

  /// Iterative wildcard matching with single-star backtracking: linear for patterns without many stars.
  private static func match(
    _ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>, folding: Bool
  ) -> Bool {
    var p = 0
    var t = 0
    var starP = -1
    var starT = 0
    while t < text.count {
      if p < pattern.count {
        let expected = pattern[p]
        if expected == questionByte {
          p += 1
          t = nextCharacter(text, after: t)
          continue
        }
        if expected == starByte {
          starP = p
          starT = t
          p += 1
          continue
        }
        let actual = folding ? lower(text[t]) : text[t]
        if expected == actual {
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
    while p < pattern.count, pattern[p] == starByte { p += 1 }
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
    lhs.bytes == rhs.bytes && lhs.caseInsensitive == rhs.caseInsensitive
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(bytes)
    hasher.combine(caseInsensitive)
  }
}
