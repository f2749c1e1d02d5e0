import ArgumentParser
import Foundation
import Inventory
import TrustGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `trustwalk bench graph SNAPSHOT`: load, graph-build and who-can timings for BENCHMARKS.md.
struct BenchGraphCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "graph",
    abstract: "Time loading, TrustGraph.build and who-can (median over prefixes) on a snapshot.")

  @Argument(help: "The snapshot folder (e.g. one written by trustwalk synth).")
  var snapshot: String

  @Option(
    name: .customLong("target"), help: "A who-can target (repeatable); default: prefixes of sample buckets.")
  var targets: [String] = []

  @Option(help: "Access level of the who-can queries.")
  var access: AccessOption = .read

  @Option(help: "How many sample buckets to query when no --target is given.")
  var samples = 25

  @Flag(help: "Print each query's time.")
  var verbose = false

  func run() throws {
    var start = Self.now()
    var cpu = Self.now(CLOCK_PROCESS_CPUTIME_ID)
    let inventory: Inventory
    do {
      inventory = try SnapshotLoader.load(path: snapshot)
    } catch {
      SnapshotLocator.fail("bench graph", "\(error)")
    }
    let load = Self.now() - start
    let loadCPU = Self.now(CLOCK_PROCESS_CPUTIME_ID) - cpu
    start = Self.now()
    cpu = Self.now(CLOCK_PROCESS_CPUTIME_ID)
    let graph = TrustGraph.build(inventory)
    let build = Self.now() - start
    let buildCPU = Self.now(CLOCK_PROCESS_CPUTIME_ID) - cpu
    let roles = inventory.accounts.reduce(0) { $0 + $1.roles.count }
    print(
      "accounts \(inventory.accounts.count), roles \(roles), nodes \(graph.nodes.count), edges \(graph.edges.count)"
    )
    print(
      String(
        format: "load %.2f s (CPU %.2f s), graph build %.2f s (CPU %.2f s)", load, loadCPU, build, buildCPU))

    var queries = targets.compactMap(QueryTarget.init)
    if queries.isEmpty {
      let buckets = inventory.accounts.flatMap(\.buckets)
      let step = max(1, buckets.count / samples)
      queries = (0..<min(samples, buckets.count)).compactMap { sample in
        QueryTarget("s3://\(buckets[min(buckets.count - 1, sample * step + sample % 3)].name)/")
      }
    }
    var times: [Double] = []
    var cpuTimes: [Double] = []
    var found = 0
    var blocked = 0
    for target in queries {
      start = Self.now()
      cpu = Self.now(CLOCK_PROCESS_CPUTIME_ID)
      let result = graph.whoCan(target, actions: access.level.s3Actions)
      times.append(Self.now() - start)
      cpuTimes.append(Self.now(CLOCK_PROCESS_CPUTIME_ID) - cpu)
      found += result.principals.count
      blocked += result.blocked.count
      if verbose {
        print(
          String(
            format: "  %@: %d principals, %.1f ms (CPU %.1f ms)", target.text, result.principals.count,
            times[times.count - 1] * 1000, cpuTimes[cpuTimes.count - 1] * 1000))
      }
    }
    cpuTimes.sort()
    times.sort()
    if !times.isEmpty {
      print(
        String(
          format:
            "who-can (%@, %d prefixes, %d principals, %d blocked by KMS): median %.1f ms (CPU %.1f ms), max %.1f ms",
          access.rawValue, times.count, found, blocked, times[times.count / 2] * 1000,
          cpuTimes[cpuTimes.count / 2] * 1000,
          times[times.count - 1] * 1000))
    }
    var usage = rusage()
    #if canImport(Glibc)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    print(String(format: "peak memory %.0f MB", Double(usage.ru_maxrss) / 1024))
  }

  /// Seconds on `clock` (monotonic wall clock by default; process CPU time shows the work on a shared machine).
  private static func now(_ clock: clockid_t = CLOCK_MONOTONIC) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
