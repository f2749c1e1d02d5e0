/// An IAM wildcard pattern (`*` any run of characters, `?` one character), compiled once.
///
/// Matching works on Unicode scalars; `caseInsensitive` folds ASCII letters (actions and condition
/// keys are case-insensitive in IAM, ARNs and most values are not).
public struct Glob: Sendable, Hashable, CustomStringConvertible {
  /// The pattern as written in the policy.
  public let pattern: String
  public let caseInsensitive: Bool
  private let scalars: [Unicode.Scalar]
  /// True when the pattern has no `*` or `?`: matching is plain equality.
  public let isLiteral: Bool

  public init(_ pattern: String, caseInsensitive: Bool = false) {
    self.pattern = pattern
    self.caseInsensitive = caseInsensitive
    let folded = caseInsensitive ? Glob.fold(pattern) : pattern
    scalars = Array(folded.unicodeScalars)
    isLiteral = !scalars.contains { $0 == "*" || $0 == "?" }
  }

  public var description: String { pattern }

  /// Whether `text` matches the whole pattern.
  public func matches(_ text: String) -> Bool {
    let subject = caseInsensitive ? Glob.fold(text) : text
    if isLiteral { return subject.unicodeScalars.elementsEqual(scalars) }
    return Glob.match(scalars, Array(subject.unicodeScalars))
  }

  /// Iterative wildcard matching with single-star backtracking: linear for patterns without many stars.
  private static func match(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
    var p = 0
    var t = 0
    var starP = -1
    var starT = 0
    while t < text.count {
      if p < pattern.count, pattern[p] == "?" || (pattern[p] != "*" && pattern[p] == text[t]) {
        p += 1
        t += 1
      } else if p < pattern.count, pattern[p] == "*" {
        starP = p
        starT = t
        p += 1
      } else if starP >= 0 {
        p = starP + 1
        starT += 1
        t = starT
      } else {
        return false
      }
    }
    while p < pattern.count, pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }

  static func fold(_ text: String) -> String {
    text.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? text.lowercased() : text
  }

  public static func == (lhs: Glob, rhs: Glob) -> Bool {
    lhs.pattern == rhs.pattern && lhs.caseInsensitive == rhs.caseInsensitive
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(pattern)
    hasher.combine(caseInsensitive)
  }
}
