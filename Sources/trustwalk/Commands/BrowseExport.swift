import Export
import Foundation
import TerminalUI
import TrustGraph

/// `e` in the browser: the current focus as a Graphviz file (with the Export module's DOT writer)
/// next to the view as text, both in the current directory.
enum BrowseExport {
  /// Writes `<view>-<time>.dot` and `.txt`; returns what to show in the status line (the name first:
  /// the line is cut at the right on narrow terminals).
  static func write(_ request: ExportRequest, snapshot: LoadedSnapshot) throws -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    formatter.locale = Locale(identifier: "en_US_POSIX")
    let directory = FileManager.default.currentDirectoryPath
    let name = "\(request.suggestedName)-\(formatter.string(from: Date()))"
    let stem = directory + "/" + name
    let diagram = DiagramCollapser(maxNodes: DiagramCollapser.defaultMaxNodes).fit(
      DiagramBuilder(graph: snapshot.graph, inventory: snapshot.inventory).build(
        diagramRequest(request.focus, snapshotName: snapshot.path)))
    try DotWriter.write(diagram).write(toFile: stem + ".dot", atomically: true, encoding: .utf8)
    try request.text.write(toFile: stem + ".txt", atomically: true, encoding: .utf8)
    return "\(name).dot (+ .txt) in \(directory)"
  }

  /// The diagram for a browser focus: a bucket or prefix with its denied candidates, a principal's
  /// reach, or the whole setup (at one level for the matrix; collapsed per account when large).
  static func diagramRequest(_ focus: ExportRequest.Focus, snapshotName: String) -> DiagramRequest {
    switch focus {
    case .principal(let arn):
      return DiagramRequest(focus: .principal(arn), snapshotName: snapshotName)
    case .target(let target):
      return targetRequest(target, level: nil, snapshotName: snapshotName)
    case .path(let key):
      return targetRequest(key.target, level: key.level, snapshotName: snapshotName)
    case .matrix(let level):
      return DiagramRequest(focus: .everything, levels: [graphLevel(level)], snapshotName: snapshotName)
    case .gaps, .account:
      return DiagramRequest(focus: .everything, snapshotName: snapshotName)
    }
  }

  private static func targetRequest(_ target: TargetRef, level: TerminalUI.AccessLevel?, snapshotName: String)
    -> DiagramRequest
  {
    guard let query = QueryTarget(target.uri) else {
      return DiagramRequest(focus: .everything, snapshotName: snapshotName)
    }
    return DiagramRequest(
      focus: .target(query), levels: [level.map(graphLevel) ?? .any], includeDenied: true,
      snapshotName: snapshotName)
  }

  private static func graphLevel(_ level: TerminalUI.AccessLevel) -> TrustGraph::AccessLevel {
    TrustGraph::AccessLevel(rawValue: level.rawValue) ?? .any
  }
}
