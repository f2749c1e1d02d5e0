/// An ARN pattern as used in `Resource` and `Arn*` conditions, compiled once.
///
/// A pattern with all six ARN fields is matched field by field, so a wildcard never crosses from
/// one field into another (`*` in the resource part crosses `/` and `:` inside that part). `"*"`
/// matches everything; a pattern with fewer fields is matched against the whole text.
public struct ARNPattern: Sendable, Hashable, CustomStringConvertible {
  private let whole: Glob
  /// Byte offsets of the pattern's first five colons, when it has six fields.
  private let colons: [Int]?

  public init(_ pattern: String) {
    self.init(glob: Glob(pattern))
  }

  /// A pattern compiled as `Glob` bytes (wildcards as `Glob.starByte` / `Glob.questionByte`).
  init(compiled: [UInt8]) {
    self.init(glob: Glob(compiled: compiled, caseInsensitive: false))
  }

  private init(glob: Glob) {
    whole = glob
    colons = glob.withPatternBytes { bytes, _ in
      var found: [Int] = []
      for index in bytes.indices where bytes[index] == UInt8(ascii: ":") {
        found.append(index)
        if found.count == 5 { return found }
      }
      return nil
    }
  }

  public var pattern: String { whole.pattern }
  public var description: String { pattern }

  /// Whether `text` (an ARN) matches.
  public func matches(_ text: String) -> Bool {
    if whole.matchesEverything { return true }
    return Glob.withBytes(text) { matches(bytes: $0) }
  }

  func matches(bytes text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let colons else { return whole.matches(bytes: text) }
    return whole.withPatternBytes { pattern, wildcards in
      var patternStart = 0
      var textStart = 0
      for field in 0..<6 {
        var patternEnd = pattern.count
        var textEnd = text.count
        if field < 5 {
          patternEnd = colons[field]
          guard let colon = text[textStart...].firstIndex(of: UInt8(ascii: ":")) else { return false }
          textEnd = colon
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
}
