import Dispatch

/// Runs independent jobs on all cores and returns their results in job order.
///
/// Do not nest: a parallel loop started inside a job of another runs on that job's thread alone
/// (Dispatch does not widen a `concurrentPerform` started from within one).
package enum Parallel {
  /// `body(0) … body(count - 1)`, run concurrently; the result array is in index order, so the
  /// outcome does not depend on scheduling.
  package static func map<Result: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
    let slots = Slots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      slots.store(body(index), at: index)
    }
    return slots.results()
  }

  /// `first()` and `second()`, run concurrently.
  package static func both<First: Sendable, Second: Sendable>(
    _ first: @Sendable () -> First, _ second: @Sendable () -> Second
  ) -> (First, Second) {
    let firsts = Slots<First>(count: 1)
    let seconds = Slots<Second>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      if index == 0 { firsts.store(first(), at: 0) } else { seconds.store(second(), at: 0) }
    }
    return (firsts.results()[0], seconds.results()[0])
  }
}

/// One slot per job; each slot is written by exactly one job, and read after all jobs finished.
private final class Slots<Result: Sendable>: @unchecked Sendable {
  private let buffer: UnsafeMutableBufferPointer<Result?>

  init(count: Int) {
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: nil)
  }

  deinit {
    buffer.deinitialize()
    buffer.deallocate()
  }

  func store(_ result: Result, at index: Int) { buffer[index] = result }

  func results() -> [Result] { buffer.map { $0! } }
}
