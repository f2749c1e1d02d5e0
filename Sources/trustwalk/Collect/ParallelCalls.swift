import Foundation

/// Runs independent pieces of a collection side by side: each `aws` call is a separate process
/// that mostly waits on the network, so overlapping them shortens a collection of hundreds of
/// buckets. How many processes really run at once is bounded by `AWSCLI.slots`; this only bounds
/// the threads that wait for them.
///
/// Uses its own threads rather than Dispatch: Dispatch adds threads for blocked work only slowly
/// (about one a second), which would serialize the waiting.
struct ParallelCalls: Sendable {
  let limit: Int

  func forEach<Item: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Item) -> Void) {
    let workers = min(limit, items.count)
    guard workers > 1 else { return items.forEach(body) }
    let queue = WorkQueue(count: items.count)
    let finished = DispatchSemaphore(value: 0)
    for _ in 1..<workers {
      Thread {
        while let index = queue.next() { body(items[index]) }
        finished.signal()
      }.start()
    }
    while let index = queue.next() { body(items[index]) }
    for _ in 1..<workers { finished.wait() }
  }
}

/// Hands out the indices `0..<count` once each, to any thread.
private final class WorkQueue: @unchecked Sendable {
  private let lock = NSLock()
  private var nextIndex = 0
  private let count: Int

  init(count: Int) {
    self.count = count
  }

  func next() -> Int? {
    lock.withLock {
      guard nextIndex < count else { return nil }
      defer { nextIndex += 1 }
      return nextIndex
    }
  }
}
