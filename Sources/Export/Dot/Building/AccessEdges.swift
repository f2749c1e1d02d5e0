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
  /// One blocked only through a chain gets the chain's hops: the red edge is its last role's.
  mutating func addBlocked(_ blocked: BlockedAccess, to node: String, levels: [AccessLevel]) {
    if let chain = blocked.chains.first, chain.count > 1 {
      addChain(chain)
      return
    }
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

extension DiagramCanvas {
  /// Merges the access edges that share both ends and state into one `accessLevels` edge, so that a
  /// principal with five levels on a bucket gets one arrow (drawn as parallel coloured lines). With
  /// `keepingActions`, the label keeps a `level: actions` line per level.
  mutating func mergeAccessLevels(keepingActions: Bool = false) {
    struct Key: Hashable {
      var from: String
      var to: String
      var state: DiagramEdge.State
    }
    var merged: [Key: [DiagramEdge]] = [:]
    var others: [DiagramEdge] = []
    for edge in edges {
      guard case .access = edge.kind else {
        others.append(edge)
        continue
      }
      merged[Key(from: edge.from, to: edge.to, state: edge.state), default: []].append(edge)
    }
    replaceEdges(
      others
        + merged.map { key, group in
          guard group.count > 1 else { return group[0] }
          let levels = group.compactMap { edge -> DiagramAccessLevel? in
            if case .access(let level) = edge.kind { return level } else { return nil }
          }.sorted()
          var actions: [String] = []
          if keepingActions {
            for level in levels {
              for edge in group where edge.kind == .access(level) {
                if let first = edge.annotations.first { actions.append("\(level.rawValue): \(first)") }
              }
            }
          }
          let rest = uniqueLines(group.flatMap { $0.annotations.dropFirst() })
          return DiagramEdge(
            from: key.from, to: key.to, kind: .accessLevels(levels), state: key.state,
            annotations: uniqueLines(actions) + rest)
        })
  }
}

/// The lines in order, each once.
private func uniqueLines(_ lines: [String]) -> [String] {
  var seen = Set<String>()
  return lines.filter { seen.insert($0).inserted }
}
