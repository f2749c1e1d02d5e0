import ArgumentParser
import Authorization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `trustwalk bench` (hidden): micro-benchmarks for BENCHMARKS.md. Run from a release build.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Benchmarks (run from a release build).", shouldDisplay: false,
    subcommands: [
      EvaluateBenchmark.self, BenchParseCommand.self, BenchGraphCommand.self, BenchGapsCommand.self,
      BenchDotCommand.self, BenchBrowseCommand.self,
    ])
}

/// `trustwalk bench evaluate`: evaluations per second of issue 2's reference request, on one core.
struct EvaluateBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract:
      "Evaluate 10 identity policies x 10 statements, a 20-statement bucket policy, an SCP level and a boundary."
  )

  @Option(help: "Evaluations per measurement.")
  var iterations = 300_000

  func run() throws {
    let request = EvaluationScenario.request
    let policies = EvaluationScenario.layers
    let layers = CompiledPolicyLayers(policies)
    let expected = Evaluator.evaluate(request, layers: layers).outcome
    print("decision: \(expected.rawValue)")
    measure("untraced", iterations) {
      Evaluator.evaluate(request, layers: layers, traced: false).outcome == expected
    }
    measure("traced", iterations) {
      Evaluator.evaluate(request, layers: layers, traced: true).outcome == expected
    }
    measure("untraced, plain PolicyLayers (not compiled)", iterations / 10) {
      Evaluator.evaluate(request, layers: policies, traced: false).outcome == expected
    }
  }

  /// Runs `evaluation` `count` times and prints the rate; `evaluation` says whether the outcome was the expected one.
  private func measure(_ label: String, _ count: Int, _ evaluation: () -> Bool) {
    var agreeing = 0
    let start = (wall: BenchClock.now(CLOCK_MONOTONIC), cpu: BenchClock.now(CLOCK_THREAD_CPUTIME_ID))
    for _ in 0..<count where evaluation() { agreeing += 1 }
    let wall = BenchClock.now(CLOCK_MONOTONIC) - start.wall
    let cpu = BenchClock.now(CLOCK_THREAD_CPUTIME_ID) - start.cpu
    print(
      "\(label): \(Int(Double(count) / cpu)) evaluations per CPU second, "
        + "\(Int(Double(count) / wall)) per wall-clock second (\(agreeing) of \(count) agree)")
  }
}
