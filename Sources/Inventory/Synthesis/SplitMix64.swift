/// A small, fast, deterministic pseudo-random generator (SplitMix64).
///
/// The synthesizer never uses the system generator: the same seed must give the same bytes on
/// every machine, every run and every toolchain, so it deliberately avoids the standard library's
/// random algorithms. Independent streams are derived with `derived(_:)`, so each
/// account (and each role, bucket, ...) has its own stream and can be generated in any order.
/// (It is a `RandomNumberGenerator` for property tests that draw with `Int.random(in:using:)`; the
/// synthesizer itself only uses `below`, `chance` and `pick`.)
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A generator for a sub-stream named by `labels`, independent of how much of this one was used.
  func derived(_ labels: UInt64...) -> SplitMix64 {
    var mixer = SplitMix64(seed: state)
    var seed = mixer.next()
    for label in labels {
      var step = SplitMix64(seed: seed ^ (label &* 0xD6E8_FEB8_6659_FD93))
      seed = step.next()
    }
    return SplitMix64(seed: seed)
  }

  /// A value in `0..<bound` (`bound` > 0).
  mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(bound))
  }

  /// True with probability `percent`/100.
  mutating func chance(_ percent: Int) -> Bool {
    below(100) < percent
  }

  /// One element of a non-empty array.
  mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[below(elements.count)]
  }
}
