import Authorization
import TrustGraph

extension DiagramCanvas {
  /// One access edge per level from `principal` to `node`, for the actions of `access` in that level.
  mutating func addAccess(
    from principal: String, to node: String, access: [ActionAccess], levels: [AccessLevel], bucket: String,
    prefix: String
  ) {
    for level in levels {
      let inLevel = access.filter { AccessLevel.levels(of: $0.action).contains(level) }
      guard !inLevel.isEmpty, let diagramLevel = DiagramAccessLevel(rawValue: level.rawValue) else {
        continue
      }
      let conditional = inLevel.allSatisfy { $0.outcome == .conditional }
      var annotations = [
        EdgeText.actions(inLevel.map(\.action)), EdgeText.coverage(inLevel, bucket: bucket, prefix: prefix),
      ]
      if conditional { annotations += inLevel.flatMap { EdgeText.conditions($0.residual) } }
      addEdge(
        DiagramEdge(
          from: principal, to: node, kind: .access(diagramLevel),
          state: conditional ? .conditional : .allowed,
          annotations: uniqueLines(annotations)))
    }
  }

  /// Red edges for a principal whose request S3 would allow but whose SSE-KMS key use is denied, and the key.
  mutating func addBlocked(_ blocked: BlockedAccess, to node: String, levels: [AccessLevel]) {
    for level in levels {
      let inLevel = blocked.actions.filter { AccessLevel.levels(of: $0).contains(level) }
      guard !inLevel.isEmpty, let diagramLevel = DiagramAccessLevel(rawValue: level.rawValue) else {
        continue
      }
      addEdge(
        DiagramEdge(
          from: blocked.principal, to: node, kind: .access(diagramLevel),
          state: .denied(reason: EdgeText.kmsFailure(blocked.kms)), annotations: [EdgeText.actions(inLevel)]))
    }
    if graph.nodes[blocked.kms.key] != nil {
      addEdge(DiagramEdge(from: node, to: blocked.kms.key, kind: .encryptedWith))
    }
  }
}

/// The lines in order, each once.
private func uniqueLines(_ lines: [String]) -> [String] {
  var seen = Set<String>()
  return lines.filter { seen.insert($0).inserted }
}
