/// An ARN pattern as used in `Resource` and `Arn*` conditions, compiled once.
///
/// A pattern with all six ARN fields is matched field by field, so a wildcard never crosses from
/// one field into another (`*` in the resource part crosses `/` and `:` inside that part). `"*"`
/// matches everything; a pattern with fewer fields is matched against the whole text.
public struct ARNPattern: Sendable, Hashable, CustomStringConvertible {
  /// The fields of a six-field pattern (`arn`, partition, service, region, account, resource),
  /// each its own glob; nil when the pattern is matched whole.
  private let fields: [Glob]?
  private let whole: Glob

  public init(_ pattern: String) {
    whole = Glob(pattern)
    fields = ARNPattern.fieldGlobs(Array(pattern.utf8)) {
      Glob(String(decoding: $0, as: UTF8.self))
    }
  }

  /// A pattern compiled as `Glob` bytes (wildcards as `Glob.starByte` / `Glob.questionByte`).
  init(compiled: [UInt8]) {
    whole = Glob(compiled: compiled, caseInsensitive: false)
    fields = ARNPattern.fieldGlobs(compiled) { Glob(compiled: Array($0), caseInsensitive: false) }
  }

  /// The six field globs when `bytes` has six fields and is not `*` alone.
  private static func fieldGlobs(_ bytes: [UInt8], _ make: (ArraySlice<UInt8>) -> Glob) -> [Glob]? {
    let parts = bytes.split(separator: 0x3A, maxSplits: 5, omittingEmptySubsequences: false)
    return parts.count == 6 ? parts.map(make) : nil
  }

  public var pattern: String { whole.pattern }
  public var description: String { pattern }

  /// Whether `text` (an ARN) matches.
  public func matches(_ text: String) -> Bool {
    if whole.matchesEverything { return true }
    return Glob.withBytes(text) { matches(bytes: $0) }
  }

  func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let fields else { return whole.matches(bytes: bytes) }
    var start = 0
    for field in 0..<6 {
      var end = bytes.count
      if field < 5 {
        guard let colon = bytes[start...].firstIndex(of: 0x3A) else { return false }
        end = colon
      }
      if !fields[field].matches(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])) { return false }
      start = end + 1
    }
    return true
  }
}
