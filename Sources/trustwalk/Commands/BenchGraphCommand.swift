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

  func run() throws {
    var start = Self.now()
    let inventory: Inventory
    do {
      inventory = try SnapshotLoader.load(path: snapshot)
    } catch {
      SnapshotLocator.fail("bench graph", "\(error)")
    }
    let load = Self.now() - start
    start = Self.now()
    let graph = TrustGraph.build(inventory)
    let build = Self.now() - start
    let roles = inventory.accounts.reduce(0) { $0 + $1.roles.count }
    print(
      "accounts \(inventory.accounts.count), roles \(roles), nodes \(graph.nodes.count), edges \(graph.edges.count)"
    )
    print(String(format: "load %.2f s, graph build %.2f s", load, build))

    var queries = targets.compactMap(QueryTarget.init)
    if queries.isEmpty {
      let buckets = inventory.accounts.flatMap(\.buckets)
      let step = max(1, buckets.count / samples)
      queries = stride(from: 0, to: buckets.count, by: step).prefix(samples).compactMap {
        QueryTarget("s3://\(buckets[$0].name)/")
      }
    }
    var times: [Double] = []
    var found = 0
    for target in queries {
      start = Self.now()
      let result = graph.whoCan(target, actions: access.level.s3Actions)
      times.append(Self.now() - start)
      found += result.principals.count
    }
    times.sort()
    if !times.isEmpty {
      print(
        String(
          format: "who-can (%@, %d prefixes, %d principals): median %.1f ms, max %.1f ms", access.rawValue,
          times.count, found, times[times.count / 2] * 1000, times[times.count - 1] * 1000))
    }
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    print(String(format: "peak memory %.0f MB", Double(usage.ru_maxrss) / 1024))
  }

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
