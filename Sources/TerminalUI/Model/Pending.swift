import Foundation

/// A value computed on a background thread from the moment it is created; reading `value` waits
/// until it is ready. The browser opens while the slow parts of its model (the gap analysis of a
/// large organization) are still being computed, and only what shows them waits.
public final class Pending<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var result: Value?
  /// What `map` asked to run once the value is ready (on the thread that computed it).
  private var continuations: [@Sendable (Value) -> Void] = []

  /// Starts `work` on a background thread.
  public init(_ work: @escaping @Sendable () -> Value) {
    DispatchQueue.global(qos: .userInitiated).async { [self] in resolve(work()) }
  }

  /// A value that is ready now.
  public init(ready value: Value) {
    result = value
  }

  /// A value some other `Pending` resolves.
  private init() {}

  /// The value, once computed (waits for the background thread until then).
  public var value: Value {
    condition.withLock {
      while true {
        if let result { return result }
        condition.wait()
      }
    }
  }

  /// `transform` of the value: computed now when the value is ready, else right after it, on the
  /// thread that computes it.
  public func map<Other: Sendable>(_ transform: @escaping @Sendable (Value) -> Other) -> Pending<Other> {
    let next = Pending<Other>()
    let ready: Value? = condition.withLock {
      if result == nil { continuations.append { next.resolve(transform($0)) } }
      return result
    }
    if let ready { next.resolve(transform(ready)) }
    return next
  }

  private func resolve(_ value: Value) {
    let waiting = condition.withLock {
      result = value
      condition.broadcast()
      defer { continuations = [] }
      return continuations
    }
    for continuation in waiting { continuation(value) }
  }
}
