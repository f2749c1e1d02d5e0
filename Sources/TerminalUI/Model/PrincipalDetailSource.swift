import Foundation

/// Computes the detail lines of a principal (whom it trusts, what it can become) the first time the
/// principal is shown, and keeps them: a 1,000-account organization has 126,000 principals, and
/// writing every line up front took seconds. Thread-safe, so the model stays Sendable.
public final class PrincipalDetailSource: @unchecked Sendable {
  private let compute: @Sendable (PrincipalSummary) -> [String]?
  private let lock = NSLock()
  private var lines: [String: [String]?] = [:]

  /// - Parameter compute: the lines of one principal; nil to keep the summary's own `details`.
  public init(_ compute: @escaping @Sendable (PrincipalSummary) -> [String]?) {
    self.compute = compute
  }

  /// The lines of `principal`, computed once (nil: the summary's own `details` apply).
  public func lines(_ principal: PrincipalSummary) -> [String]? {
    if let known = lock.withLock({ lines[principal.arn] }) { return known }
    let computed = compute(principal)
    lock.withLock { lines[principal.arn] = computed }
    return computed
  }
}
