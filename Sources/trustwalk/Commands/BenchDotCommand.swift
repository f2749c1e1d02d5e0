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
    BenchClock.report(build.line("graph build"))
    let builder = DiagramBuilder(graph: graph, inventory: inventory)
    let (full, diagram) = BenchClock.measure {
      builder.build(DiagramRequest(focus: .everything, snapshotName: snapshot))
    }
    BenchClock.report(diagram.line("dot diagram"))
    let (collapsed, collapse) = BenchClock.measure { DiagramCollapser().fit(full) }
    BenchClock.report(collapse.line("dot collapse"))
    let (dot, write) = BenchClock.measure { DotWriter.write(collapsed) }
    BenchClock.report(write.line("dot write"))
    BenchClock.report(
      "whole organization: \(full.nodes.count) nodes and \(full.edges.count) edges, collapsed to "
        + "\(collapsed.nodes.count) nodes and \(collapsed.edges.count) edges, \(dot.utf8.count) bytes of DOT")
    let export = BenchTime(
      wall: diagram.wall + collapse.wall + write.wall, cpu: diagram.cpu + collapse.cpu + write.cpu)
    BenchClock.report(export.line("dot export"))
    let target = focus ?? inventory.accounts.lazy.flatMap(\.buckets).first.map { "s3://\($0.name)/" }
    if let target, let query = QueryTarget(target) {
      let (focused, time) = BenchClock.measure {
        let model = builder.build(DiagramRequest(focus: .target(query), snapshotName: snapshot))
        return (model: model, dot: DotWriter.write(DiagramCollapser().fit(model)))
      }
      BenchClock.report(
        "focused on \(target): \(focused.model.nodes.count) nodes, \(focused.model.edges.count) edges, "
          + "\(focused.dot.utf8.count) bytes of DOT")
      BenchClock.report(time.line("dot focused"))
    }
    BenchClock.report(BenchClock.peakMemoryLine)
  }
}
