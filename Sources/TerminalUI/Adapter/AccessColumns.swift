import Authorization
import TrustGraph

/// The matrix cells of one column (a bucket or prefix at one access level): from the graph's
/// who-can, allowed and conditional cells with their notes and chains, and gap cells for principals
/// whose S3 request passes but whose use of the bucket's KMS key does not; then the half-configured
/// gap cells of the findings.
struct AccessColumns: Sendable {
  let graph: TrustGraph
  /// Pending while the gap analysis runs: a column computed before it ends waits for it.
  let gapCells: Pending<GapCells>

  /// At most this many chains are kept per cell (who-can lists every alternative).
  static let chainLimit = 4

  func column(_ target: TargetRef, level: AccessLevel) -> AccessSource.Answers {
    var answers = AccessSource.Answers()
    guard let query = QueryTarget(target.uri) else { return answers }
    let result = graph.whoCan(query, actions: EvidenceText.actions(level))
    for entry in result.principals {
      let key = CellKey(principal: entry.principal, target: target, level: level)
      let verdict: Verdict = entry.conditional ? .conditional : .allowed
      answers.cells[key] = AccessCell(verdict, note: note(entry, target: target))
      answers.paths[key] = PathReport(
        verdict: verdict,
        chains: entry.chains.prefix(Self.chainLimit).map { nodes in
          Self.chain(
            nodes, actions: entry.actions, access: nodes.last == entry.chains.first?.last ? entry.access : [],
            target: target, graph: graph)
        })
    }
    for blocked in result.blocked {
      let key = CellKey(principal: blocked.principal, target: target, level: level)
      guard answers.cells[key] == nil else { continue }
      answers.cells[key] = AccessCell(
        .gap, note: "S3 allows it, the SSE-KMS key does not (\(blocked.kms.status.rawValue))")
    }
    let gaps = gapCells.value.cells(target, level: level, graph: graph, allowed: answers)
    answers.cells.merge(gaps.cells) { allowed, _ in allowed }
    answers.paths.merge(gaps.paths) { allowed, _ in allowed }
    return answers
  }

  /// `some keys: foo/*, fighters/*` and the conditions, in one line.
  private func note(_ entry: WhoCanEntry, target: TargetRef) -> String? {
    var parts: [String] = []
    if entry.coverage == .some {
      let bucketPrefix = "arn:aws:s3:::\(target.bucket)/"
      let patterns = entry.patterns.map {
        $0.hasPrefix(bucketPrefix) ? String($0.dropFirst(bucketPrefix.count)) : $0
      }
      parts.append("some keys only: " + patterns.joined(separator: ", "))
    }
    if entry.conditional {
      parts.append("if " + entry.conditions.map(EvidenceText.condition).joined(separator: " and "))
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }

  /// One chain `[principal, role, …]`: an assume-role hop per step with the edge's evidence, then the
  /// final request with the evidence of `access` (empty when not known for this chain's acting principal).
  static func chain(
    _ nodes: [String], actions: [String], access: [ActionAccess], target: TargetRef, graph: TrustGraph
  ) -> AccessChain {
    var hops: [ChainHop] = []
    var conditional = false
    for (from, to) in zip(nodes, nodes.dropFirst()) {
      let edge = graph.edges(from: from).first { $0.to == to && $0.kind.becomesTarget }
      let verdict: Verdict = edge?.isConditional == true ? .conditional : .allowed
      conditional = conditional || verdict == .conditional
      hops.append(
        ChainHop(
          from: EvidenceText.label(from), action: edge.map(Self.action) ?? "sts:AssumeRole",
          to: EvidenceText.label(to), verdict: verdict,
          statements: edge.map { EvidenceText.statements(graph.evidence(of: $0)) } ?? []))
    }
    let acting = nodes.last ?? ""
    let finalConditional = !access.isEmpty && access.allSatisfy { $0.outcome == .conditional }
    var statements: [DecidingStatement] = []
    for item in access {
      for statement in EvidenceText.statements(item.evidence) where !statements.contains(statement) {
        statements.append(statement)
      }
    }
    hops.append(
      ChainHop(
        from: EvidenceText.label(acting), action: ActionList.short(actions), to: target.uri,
        verdict: finalConditional ? .conditional : .allowed, statements: statements))
    return AccessChain(verdict: conditional || finalConditional ? .conditional : .allowed, hops: hops)
  }

  /// `sts:AssumeRole`, `iam:PassRole via codebuild.amazonaws.com`, `sts:AssumeRoleWithSAML`…
  static func action(_ edge: GraphEdge) -> String {
    switch edge.kind {
    case .viaService: return "iam:PassRole via \(edge.service ?? "a service")"
    case .assumeRoleWithSAML: return "sts:AssumeRoleWithSAML"
    case .assumeRoleWithWebIdentity: return "sts:AssumeRoleWithWebIdentity"
    case .memberOf: return "member of"
    case .assumeRole, .serviceAssume: return "sts:AssumeRole"
    }
  }
}

/// Action lists shortened for one line.
enum ActionList {
  /// `s3:PutObject, s3:PutObjectAcl` or `s3:GetObject, s3:GetObjectAcl +3`.
  static func short(_ actions: [String]) -> String {
    let shown = actions.prefix(2).joined(separator: ", ")
    return actions.count > 2 ? "\(shown) +\(actions.count - 2)" : shown
  }
}
