import ArgumentParser
import Export
import Inventory
import TrustGraph

/// `trustwalk bench dot SNAPSHOT`: time of the whole-organization collapsed DOT export (issue 6: < 5 s
/// at 1,000 accounts) and the size of a focused export of one bucket.
struct BenchDotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dot",
    abstract: "Time the collapsed whole-organization DOT export and a one-bucket focused export.")

  @Argument(help: "The snapshot folder (e.g. one written by trustwalk synth).")
  var snapshot: String

  @Option(help: "The focused export's target (default: the first bucket of the snapshot).")
  var focus: String?

  func run() throws {
    let inventory = BenchSnapshot.load(snapshot, command: "bench dot")
    let (graph, build) = BenchClock.measure { TrustGraph.build(inventory) }
    print(build.line("graph build"))
    let builder = DiagramBuilder(graph: graph, inventory: inventory)
    let (whole, export) = BenchClock.measure {
      let full = builder.build(DiagramRequest(focus: .everything, snapshotName: snapshot))
      let collapsed = DiagramCollapser().fit(full)
      return (full: full, collapsed: collapsed, dot: DotWriter.write(collapsed))
    }
    print(
      "whole organization: \(whole.full.nodes.count) nodes and \(whole.full.edges.count) edges, collapsed to "
        + "\(whole.collapsed.nodes.count) nodes and \(whole.collapsed.edges.count) edges, "
        + "\(whole.dot.utf8.count) bytes of DOT")
    print(export.line("dot export"))
    let target = focus ?? inventory.accounts.lazy.flatMap(\.buckets).first.map { "s3://\($0.name)/" }
    if let target, let query = QueryTarget(target) {
      let (focused, time) = BenchClock.measure {
        let model = builder.build(DiagramRequest(focus: .target(query), snapshotName: snapshot))
        return (model: model, dot: DotWriter.write(DiagramCollapser().fit(model)))
      }
      print(
        "focused on \(target): \(focused.model.nodes.count) nodes, \(focused.model.edges.count) edges, "
          + "\(focused.dot.utf8.count) bytes of DOT")
      print(time.line("dot focused"))
    }
    print(BenchClock.peakMemoryLine)
  }
}
