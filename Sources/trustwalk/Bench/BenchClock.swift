#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Wall-clock and CPU time of one bench step. On a shared machine the CPU time is the fair measure
/// of the work; the wall time is what a user waits.
struct BenchTime {
  var wall: Double
  var cpu: Double

  /// `label: 1.234 s wall, 1.100 s CPU` — the line format `scripts/bench.sh` reads.
  func line(_ label: String) -> String {
    "\(label): \(BenchClock.format(wall)) s wall, \(BenchClock.format(cpu)) s CPU"
  }
}

/// Clocks and memory figures shared by the bench commands.
enum BenchClock {
  /// Runs `body` and returns its result with the wall-clock and process CPU time it took.
  static func measure<Result>(_ body: () throws -> Result) rethrows -> (Result, BenchTime) {
    let wall = now(CLOCK_MONOTONIC)
    let cpu = now(CLOCK_PROCESS_CPUTIME_ID)
    let result = try body()
    return (result, BenchTime(wall: now(CLOCK_MONOTONIC) - wall, cpu: now(CLOCK_PROCESS_CPUTIME_ID) - cpu))
  }

  /// Prints `line` at once, so that the steps done before a bench is stopped by a time limit
  /// (`scripts/bench.sh`) are in its log even when standard output is a file.
  static func report(_ line: String) {
    print(line)
    fflush(nil)
  }

  /// Seconds on `clock`.
  static func now(_ clock: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// The process's peak resident memory so far, in megabytes (Linux reports kilobytes, macOS bytes).
  static var peakMemoryMegabytes: Double {
    var usage = rusage()
    #if canImport(Glibc)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
      return Double(usage.ru_maxrss) / 1024
    #else
      getrusage(RUSAGE_SELF, &usage)
      return Double(usage.ru_maxrss) / 1_048_576
    #endif
  }

  /// `peak memory: 123 MB` — the line format `scripts/bench.sh` reads.
  static var peakMemoryLine: String { "peak memory: \(Int(peakMemoryMegabytes.rounded())) MB" }

  /// Three decimals, without Foundation's format strings.
  static func format(_ seconds: Double) -> String {
    let thousandths = Int((seconds * 1000).rounded())
    let fraction = String(thousandths % 1000)
    return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }
}
