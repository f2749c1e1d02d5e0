import ArgumentParser
import Inventory
import TrustGraph

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
  var access: AccessLevel = .read

  @Option(help: "How many sample buckets to query when no --target is given.")
  var samples = 25

  @Flag(help: "Print each query's time.")
  var verbose = false

  func run() throws {
    let inventory = BenchSnapshot.load(snapshot, command: "bench graph")
    let (graph, build) = BenchClock.measure { TrustGraph.build(inventory) }
    BenchClock.report("graph: \(graph.nodes.count) nodes, \(graph.edges.count) edges")
    BenchClock.report(build.line("graph build"))

    var queries = targets.compactMap(QueryTarget.init)
    if queries.isEmpty {
      let buckets = inventory.accounts.flatMap(\.buckets)
      let step = max(1, buckets.count / samples)
      queries = (0..<min(samples, buckets.count)).compactMap { sample in
        QueryTarget("s3://\(buckets[min(buckets.count - 1, sample * step + sample % 3)].name)/")
      }
    }
    var times: [BenchTime] = []
    var found = 0
    var blocked = 0
    for target in queries {
      let (result, time) = BenchClock.measure { graph.whoCan(target, actions: access.s3Actions) }
      times.append(time)
      found += result.principals.count
      blocked += result.blocked.count
      if verbose {
        BenchClock.report("  \(target.text): \(result.principals.count) principals, " + time.line("time"))
      }
    }
    if !times.isEmpty {
      let wall = times.map(\.wall).sorted()
      let cpu = times.map(\.cpu).sorted()
      BenchClock.report(
        "who-can (\(access.rawValue), \(times.count) prefixes, \(found) principals, \(blocked) blocked by KMS): "
          + "median \(milliseconds(wall[wall.count / 2])) ms wall, \(milliseconds(cpu[cpu.count / 2])) ms CPU, "
          + "max \(milliseconds(wall[wall.count - 1])) ms wall")
    }
    BenchClock.report(BenchClock.peakMemoryLine)
  }

  private func milliseconds(_ seconds: Double) -> String {
    String(Double(Int(seconds * 10_000)) / 10)
  }
}
