/// An ARN pattern as used in `Resource` and `Arn*` conditions, compiled once.
///
/// A pattern with all six ARN fields is matched field by field, so a wildcard never crosses from
/// one field into another (`*` in the resource part crosses `/` and `:` inside that part). `"*"`
/// matches everything; a pattern with fewer fields is matched against the whole text.
public struct ARNPattern: Sendable, Hashable, CustomStringConvertible {
  enum Form: Sendable, Hashable {
    case everything
    case fields([Glob])
    case whole(Glob)
  }

  let form: Form
  public let pattern: String

  public init(_ pattern: String) {
    self.init(compiled: pattern.utf8.map { $0 == 0x2A ? Glob.starByte : $0 == 0x3F ? Glob.questionByte : $0 })
  }

  /// A pattern compiled as `Glob` bytes (wildcards as `Glob.starByte` / `Glob.questionByte`).
  init(compiled: [UInt8]) {
    let whole = Glob(compiled: compiled, caseInsensitive: false)
    pattern = whole.pattern
    if compiled == [Glob.starByte] {
      form = .everything
      return
    }
    let fields = compiled.split(separator: 0x3A, maxSplits: 5, omittingEmptySubsequences: false)
    if fields.count == 6 {
      form = .fields(fields.map { Glob(compiled: Array($0), caseInsensitive: false) })
    } else {
      form = .whole(whole)
    }
  }

  public var description: String { pattern }

  /// Whether `text` (an ARN) matches.
  public func matches(_ text: String) -> Bool {
    if case .everything = form { return true }
    if let result = text.utf8.withContiguousStorageIfAvailable({ matches(bytes: $0) }) { return result }
    return Array(text.utf8).withUnsafeBufferPointer { matches(bytes: $0) }
  }

  func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    switch form {
    case .everything: return true
    case .whole(let glob): return glob.matches(bytes: bytes)
    case .fields(let globs):
      var start = 0
      for field in 0..<6 {
        var end = bytes.count
        if field < 5 {
          guard let colon = bytes[start...].firstIndex(of: 0x3A) else { return false }
          end = colon
        }
        if !globs[field].matches(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])) { return false }
        start = end + 1
      }
      return true
    }
  }
}
