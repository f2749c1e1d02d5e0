/// An ARN pattern as used in `Resource` and `Arn*` conditions, compiled once.
///
/// A pattern with all six ARN fields is matched field by field, so a wildcard never crosses from
/// one field into another (`*` in the resource part crosses `/` and `:` inside that part). `"*"`
/// matches everything; a pattern with fewer fields is matched against the whole text.
public struct ARNPattern: Sendable, Hashable, CustomStringConvertible {
  private let whole: Glob

  public init(_ pattern: String) {
    whole = Glob(pattern)
  }

  /// A pattern compiled as `Glob` bytes (wildcards as `Glob.starByte` / `Glob.questionByte`).
  init(compiled: [UInt8]) {
    whole = Glob(compiled: compiled, caseInsensitive: false)
  }

  public var pattern: String { whole.pattern }
  public var description: String { pattern }

  /// Whether `text` (an ARN) matches.
  public func matches(_ text: String) -> Bool {
    if whole.matchesEverything { return true }
    return Glob.withBytes(text) { matches(bytes: $0) }
  }

  func matches(bytes text: UnsafeBufferPointer<UInt8>) -> Bool {
    whole.withPatternBytes { ARNPattern.match($0, wildcards: $1, text) }
  }

  /// Whether compiled pattern bytes (wildcards as `Glob.starByte` / `Glob.questionByte`) match
  /// `text`, without building a pattern (for patterns substituted per request).
  static func match(compiled pattern: [UInt8], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
    pattern.withUnsafeBufferPointer { match($0, wildcards: Glob.Wildcards.compiled, text) }
  }

  /// Field-wise matching: the first five colons of the pattern and of the text delimit the fields.
  private static func match(
    _ pattern: UnsafeBufferPointer<UInt8>, wildcards: Glob.Wildcards?, _ text: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    if pattern.count == 1, pattern[0] == wildcards?.star { return true }
    var patternStart = 0
    var textStart = 0
    for field in 0..<6 {
      var patternEnd = pattern.count
      var textEnd = text.count
      if field < 5 {
        guard let patternColon = pattern[patternStart...].firstIndex(of: UInt8(ascii: ":")) else {
          return Glob.match(pattern, text, wildcards: wildcards, folding: false)
        }
        guard let textColon = text[textStart...].firstIndex(of: UInt8(ascii: ":")) else { return false }
        patternEnd = patternColon
        textEnd = textColon
      }
      let matched = Glob.match(
        UnsafeBufferPointer(rebasing: pattern[patternStart..<patternEnd]),
        UnsafeBufferPointer(rebasing: text[textStart..<textEnd]), wildcards: wildcards, folding: false)
      if !matched { return false }
      patternStart = patternEnd + 1
      textStart = textEnd + 1
    }
    return true
  }
}
