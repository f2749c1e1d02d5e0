/// The `Action` (or `NotAction`) element: action patterns such as `s3:Get*`, matched case-insensitively.
public struct ActionElement: Sendable, Hashable {
  /// True for `NotAction`: the statement applies to every action that matches no pattern.
  public var negated: Bool
  public var patterns: [Glob]

  public init(negated: Bool, patterns: [Glob]) {
    self.negated = negated
    self.patterns = patterns
  }

  /// Convenience: compiles `patterns` case-insensitively.
  public init(negated: Bool = false, _ patterns: [String]) {
    self.init(negated: negated, patterns: patterns.map { Glob($0, caseInsensitive: true) })
  }

  /// Whether the statement applies to `action` (`s3:GetObject`).
  public func applies(to action: String) -> Bool {
    let matched = Glob.withBytes(action) { bytes in
      if bytes.contains(where: { $0 >= 0x80 }) { return patterns.contains { $0.matches(action) } }
      return patterns.contains { $0.matches(bytes: bytes) }
    }
    return negated ? !matched : matched
  }
}
