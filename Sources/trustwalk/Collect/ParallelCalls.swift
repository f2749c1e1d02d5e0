import Foundation

/// Runs independent pieces of a collection side by side: each `aws` call is a separate process
/// that mostly waits on the network, so overlapping them shortens a collection of hundreds of
/// buckets. How many processes really run at once is bounded by `AWSCLI.slots`; this only bounds
/// the threads that wait for them.
struct ParallelCalls: Sendable {
  let limit: Int

  func forEach<Item: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Item) -> Void) {
    guard items.count > 1, limit > 1 else { return items.forEach(body) }
    let queue = OperationQueue()
    queue.maxConcurrentOperationCount = limit
    for item in items { queue.addOperation { body(item) } }
    queue.waitUntilAllOperationsAreFinished()
  }
}
