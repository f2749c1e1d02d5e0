import Foundation

/// Computes path reports on first use and keeps them: explaining a denied pair runs the trust
/// graph's explain, too slow to do for every pair up front. Thread-safe, so the model stays Sendable.
public final class PathSource: @unchecked Sendable {
  private let compute: @Sendable (CellKey) -> PathReport?
  private let lock = NSLock()
  private var reports: [CellKey: PathReport?] = [:]

  public init(_ compute: @escaping @Sendable (CellKey) -> PathReport?) {
    self.compute = compute
  }

  /// The report for `key`, computed once.
  public func report(_ key: CellKey) -> PathReport? {
    if let known = lock.withLock({ reports[key] }) { return known }
    let report = compute(key)
    lock.withLock { reports[key] = report }
    return report
  }
}
