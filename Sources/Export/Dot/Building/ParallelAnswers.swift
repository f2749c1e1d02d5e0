import Dispatch
import Foundation

/// Answers one query per item on every core, then hands them out in the items' order (so the diagram
/// does not depend on scheduling).
final class ParallelAnswers<Answer: Sendable>: @unchecked Sendable {
  private var answers: [Answer?]
  private var position = 0
  private let lock = NSLock()

  init<Item: Sendable>(_ items: [Item], answer: @Sendable (Item) -> Answer?) {
    answers = Array(repeating: nil, count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
      let result = answer(items[index])
      lock.lock()
      answers[index] = result
      lock.unlock()
    }
  }

  /// The answer for the next item, in order (nil when that item had none).
  func next() -> Answer? {
    defer { position += 1 }
    return position < answers.count ? answers[position] : nil
  }
}
