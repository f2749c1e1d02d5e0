/// The answer to "can this principal do this to this target?".
///
/// `gap` means the snapshot could not decide (missing account data, unreadable policy,
/// unsupported condition key): it must never be read as denied.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
  case allowed, conditional, denied, gap

  /// The verdict as a word for status lines and path views ("ALLOWED").
  public var word: String { rawValue.uppercased() }
}
