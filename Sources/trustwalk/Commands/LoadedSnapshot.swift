import Foundation
import Inventory
import TerminalUI
import TrustGraph

/// A snapshot loaded for the browser: the inventory, its trust graph and the browser's model, with
/// the time each step took (reported as progress, since a large organization takes seconds).
struct LoadedSnapshot {
  let path: String
  let inventory: Inventory
  let graph: TrustGraph
  let model: BrowserModel

  /// Loads `path`; `progress` gets one line per step. Load problems are listed on stderr.
  init(path: String, progress: (String) -> Void) throws {
    let clock = ContinuousClock()
    var start = clock.now
    do {
      inventory = try SnapshotLoader.load(path: path)
    } catch let error as SnapshotLoadError {
      throw BrowseError(error.description)
    }
    if inventory.accounts.isEmpty { throw BrowseError("\(path): no account found") }
    for diagnostic in inventory.diagnostics { progress(diagnostic.description) }
    let principals = inventory.accounts.reduce(0) { $0 + $1.users.count + $1.roles.count }
    progress(
      "loaded \(inventory.accounts.count) accounts, \(principals) users and roles in \(Self.seconds(clock.now - start)); building the trust graph…"
    )
    start = clock.now
    graph = TrustGraph.build(inventory)
    progress("built the trust graph in \(Self.seconds(clock.now - start)); filling the matrix…")
    start = clock.now
    // Load problems scroll away on stderr before the first frame: the breadcrumb keeps a count.
    let problems = inventory.diagnostics.count
    let source =
      problems == 0
      ? path : "[\(problems) load problem\(problems == 1 ? "" : "s"): trustwalk validate] \(path)"
    model = SnapshotBrowserModel.make(inventory: inventory, graph: graph, source: source)
    progress(
      "\(model.accessSource == nil ? "answered" : "prepared (answered when shown)") \(model.targets.count) buckets and prefixes × 5 access levels in \(Self.seconds(clock.now - start))"
    )
    self.path = path
  }

  private static func seconds(_ duration: Duration) -> String {
    let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return String(format: "%.2f s", value)
  }
}
