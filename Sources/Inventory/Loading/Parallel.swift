import Dispatch

/// Runs independent jobs on all cores and returns their results in job order.
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
