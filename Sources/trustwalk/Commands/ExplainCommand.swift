import ArgumentParser
import Foundation
import Inventory
import TrustGraph

/// `trustwalk explain [SNAPSHOT] PRINCIPAL TARGET`: why a principal can or cannot act on a target.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Why a principal can or cannot act on a target: chains, failing hop, layer, both sides, fix.",
    discussion: """
      For an allowed request: the chain and the statements allowing each hop. For a denied one: every \
      candidate chain, the first failing hop, the failing layer, the deciding statements of each account \
      side by side (two columns when COLUMNS allows) and which side must change.
      """)

  @Argument(help: "[SNAPSHOT] PRINCIPAL TARGET")
  var arguments: [String]

  @Option(help: "Access level: read, write, list, delete, permissions or any.")
  var access: AccessLevel?

  @Option(name: .customLong("action"), help: "An action (repeatable, wildcards allowed); overrides --access.")
  var actions: [String] = []

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  func run() throws {
    let (snapshot, rest) = QueryArguments.split(
      arguments, required: 2, command: "explain",
      usage: "[SNAPSHOT] PRINCIPAL TARGET (--action A | --access L)")
    let principal = QueryArguments.principal(rest[0], command: "explain")
    let target = QueryArguments.target(rest[1], command: "explain")
    let inventory = try SnapshotLocator.load(snapshot, command: "explain") {
      QueryArguments.holds($0, target) && QueryArguments.holds($0, principal: principal)
    }
    let graph = TrustGraph.build(inventory)
    let explanation = graph.explain(
      principal: principal, target: target,
      actions: QueryArguments.actions(explicit: actions, access: access, target: target))
    if format == .json {
      print(ExplainRendering.json(explanation), terminator: "")
    } else {
      let width = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
      print(ExplainRendering.text(explanation, width: width), terminator: "")
    }
  }
}
