import ArgumentParser
import Export
import Foundation
import Inventory
import TrustGraph

/// `trustwalk dot [SNAPSHOT]`: a Graphviz diagram of the whole setup, of everyone reaching one target, or
/// of what one principal reaches.
struct DotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dot",
    abstract: "Draw trust and access as a Graphviz diagram (DOT on stdout, or rendered to SVG/PNG).",
    discussion: """
      Without --focus, draws the whole setup: accounts (in their OUs) with their principals, every \
      assume-role, federation, service and pass-role edge, and the direct access to every bucket. \
      --focus s3://BUCKET[/PREFIX] (or an S3 or KMS ARN) draws only the principals and chains that reach \
      it; --focus with a user, role or account ARN, a service name or * draws what that principal reaches. \
      Arrows are coloured by access level; dashed = conditional; red = denied, with the reason. \
      Diagrams with more than --max-nodes nodes are collapsed to one node per account (then per OU). A whole \
      setup with more than --max-nodes users, roles and buckets is drawn as an overview straight from the \
      trust and bucket policies (one node per account or OU, arrows counting cross-account grants). \
      Without SNAPSHOT, the bundled SampleData scenario that holds the focus is used.
      """)

  @Argument(help: "The snapshot folder (default: the SampleData scenario that holds the focus).")
  var snapshot: String?

  @Option(help: "s3://BUCKET[/PREFIX] or a resource ARN (who reaches it), or a principal (what it reaches).")
  var focus: String?

  @Option(help: "Access level drawn: read, write, list, delete, permissions or any.")
  var access: AccessLevel = .any

  @Flag(help: "With a bucket or prefix focus, also draw the candidates that fail, marking the failing hop.")
  var includeDenied = false

  @Option(help: "Collapse accounts above this many nodes.")
  var maxNodes: Int = DiagramCollapser.defaultMaxNodes

  @Option(help: "Render with Graphviz's dot instead of printing DOT: svg or png (needs --output).")
  var render: GraphvizRenderer.Format?

  @Option(help: "Write to this file instead of stdout.")
  var output: String?

  func run() throws {
    if render != nil && output == nil { SnapshotLocator.fail("dot", "--render needs --output FILE") }
    if maxNodes < 1 { SnapshotLocator.fail("dot", "--max-nodes must be at least 1") }
    let focus = parsedFocus()
    let inventory = try SnapshotLocator.load(snapshot, command: "dot") { inventory in
      switch focus {
      case .everything: true
      case .target(let target): QueryArguments.holds(inventory, target)
      case .principal(let principal): QueryArguments.holds(inventory, principal: principal)
      }
    }
    let request = DiagramRequest(
      focus: focus, levels: [access], includeDenied: includeDenied,
      snapshotName: snapshot ?? inventory.root, maxNodes: maxNodes)
    let model = DiagramCollapser(maxNodes: maxNodes).fit(
      DiagramBuilder(inventory: inventory) { TrustGraph.build(inventory) }.build(request))
    let dot = DotWriter.write(model)
    if let render, let output {
      do {
        try GraphvizRenderer.render(dot, format: render, to: output)
      } catch let error as GraphvizRenderer.Failure {
        SnapshotLocator.fail("dot", error.message)
      }
    } else if let output {
      do {
        try Data(dot.utf8).write(to: URL(fileURLWithPath: output))
      } catch {
        SnapshotLocator.fail("dot", "cannot write \(output): \(error.localizedDescription)")
      }
    } else {
      print(dot, terminator: "")
    }
  }

  /// A target for buckets, prefixes, S3 and KMS ARNs; a principal for everything else.
  private func parsedFocus() -> DiagramRequest.Focus {
    guard let focus else {
      if includeDenied { SnapshotLocator.fail("dot", "--include-denied needs --focus s3://BUCKET[/PREFIX]") }
      return .everything
    }
    if focus.hasPrefix("s3://") || focus.hasPrefix("arn:aws:s3:") || focus.hasPrefix("arn:aws:kms:") {
      guard let target = QueryTarget(focus) else {
        SnapshotLocator.fail("dot", "--focus: '\(focus)' is no s3://BUCKET[/PREFIX] or ARN")
      }
      return .target(target)
    }
    if includeDenied { SnapshotLocator.fail("dot", "--include-denied needs a bucket or prefix focus") }
    return .principal(focus)
  }
}
