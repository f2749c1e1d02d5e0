import ArgumentParser
import Inventory
import TrustGraph

/// `trustwalk bench gaps SNAPSHOT`: time of computing every finding after loading (issue 4: < 30 s at
/// 1,000 accounts).
struct BenchGapsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gaps", abstract: "Time GapAnalysis.findings on a loaded snapshot.")

  @Argument(help: "The snapshot folder (e.g. one written by trustwalk synth).")
  var snapshot: String

  func run() throws {
    let inventory = BenchSnapshot.load(snapshot, command: "bench gaps")
    let (findings, time) = BenchClock.measure { GapAnalysis.findings(in: inventory) }
    var byRule: [String: Int] = [:]
    for finding in findings { byRule[finding.rule.id, default: 0] += 1 }
    BenchClock.report(
      "findings: \(findings.count) ("
        + byRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")")
    BenchClock.report(time.line("gaps"))
    BenchClock.report(BenchClock.peakMemoryLine)
  }
}
