import Authorization
import TrustGraph

/// Turns the graph's explain answer into the path view's report: every chain hop by hop with the
/// statements of both sides, and for a denied pair the failing hop, its layer, each account's side
/// and the fixes.
enum ExplainReport {
  /// Explains `key` on `graph`; `verdict` overrides the report's verdict (a gap stays a gap).
  static func report(_ key: CellKey, graph: TrustGraph, verdict: Verdict?) -> PathReport? {
    guard let target = QueryTarget(key.target.uri) else { return nil }
    let explanation = graph.explain(
      principal: key.principal, target: target, actions: EvidenceText.actions(key.level))
    return report(explanation, target: key.target, verdict: verdict)
  }

  static func report(_ explanation: Explanation, target: TargetRef, verdict: Verdict?) -> PathReport {
    let chains = explanation.chains.map { chain in
      AccessChain(verdict: Self.verdict(chain.outcome), hops: chain.hops.map { hop($0, target: target) })
    }
    var report = PathReport(verdict: verdict ?? Self.verdict(explanation.outcome), chains: chains)
    guard !explanation.isAllowed else { return report }
    if let (chainIndex, chain) = explanation.chains.enumerated().first(where: { $0.element.failingHop != nil }
    ),
      let hopIndex = chain.hops.firstIndex(where: { $0.hop == chain.failingHop })
    {
      report.explanation = denial(
        chain.hops[hopIndex], chainIndex: chainIndex, hopIndex: hopIndex, notes: explanation.notes)
    } else if !explanation.notes.isEmpty {
      report.chains.append(
        AccessChain(
          verdict: .denied,
          hops: [
            ChainHop(
              from: EvidenceText.label(explanation.principal), action: ActionList.short(explanation.actions),
              to: target.uri, verdict: .denied,
              statements: explanation.notes.map {
                DecidingStatement(policy: "note", effect: nil, summary: $0)
              })
          ]))
    }
    return report
  }

  static func verdict(_ outcome: Decision.Outcome) -> Verdict {
    switch outcome {
    case .allow: .allowed
    case .conditional: .conditional
    case .implicitDeny, .explicitDeny: .denied
    }
  }

  private static func hop(_ hop: ExplainedHop, target: TargetRef) -> ChainHop {
    let isFinal = hop.hop == 0
    var statements =
      EvidenceText.statements(hop.callerSide.layers)
      + EvidenceText.statements(hop.resourceSide.layers).map { resourceNamed($0, isFinal: isFinal) }
    if let kms = hop.kms { statements += EvidenceText.statements(kms.evidence) }
    if statements.isEmpty, !hop.failingLayers.isEmpty {
      statements.append(
        DecidingStatement(
          policy: hop.failingLayers.map { layerName($0, isFinal: isFinal) }.joined(separator: ", "),
          effect: nil,
          summary: "no statement allows \(hop.action)"))
    }
    return ChainHop(
      from: EvidenceText.label(hop.from), action: action(hop.action),
      to: isFinal ? target.uri : EvidenceText.label(hop.to), verdict: verdict(hop.outcome),
      statements: statements)
  }

  private static func denial(_ hop: ExplainedHop, chainIndex: Int, hopIndex: Int, notes: [String])
    -> DenialExplanation
  {
    let isFinal = hop.hop == 0
    let layers = hop.failingLayers.map { layerName($0, isFinal: isFinal) }
    let callerFails = hop.failingLayers.contains { callerLayers.contains($0) }
    let ownerFails = hop.failingLayers.contains { !callerLayers.contains($0) }
    let who =
      callerFails && ownerFails
      ? "neither side allows it"
      : callerFails
        ? "the caller's side does not allow it"
        : "the owner's side does not allow it"
    let callerAccount = hop.callerSide.account ?? "unknown"
    let ownerAccount = hop.resourceSide.account ?? "unknown"
    return DenialExplanation(
      chainIndex: chainIndex, hopIndex: hopIndex,
      layer: layers.isEmpty ? "unknown" : layers.joined(separator: " and "),
      summary: "\(action(hop.action)) by \(EvidenceText.label(hop.from)): \(who).",
      callerSide: PolicySide(
        title: "Caller \(callerAccount) (\(EvidenceText.label(hop.from)))", accountID: callerAccount,
        verdictLine: sideLine(
          hop.callerSide.layers, failing: hop.failingLayers, caller: true, isFinal: isFinal,
          action: action(hop.action)),
        statements: EvidenceText.statements(hop.callerSide.layers)),
      resourceSide: PolicySide(
        title: "Owner \(ownerAccount) (\(isFinal ? "bucket" : "role") \(ownerName(hop, isFinal: isFinal)))",
        accountID: ownerAccount,
        verdictLine: sideLine(
          hop.resourceSide.layers, failing: hop.failingLayers, caller: false, isFinal: isFinal,
          action: action(hop.action))
          + (hop.kms.map { "; SSE-KMS key: \($0.status.rawValue)" } ?? ""),
        statements: EvidenceText.statements(hop.resourceSide.layers).map {
          resourceNamed($0, isFinal: isFinal)
        }
          + (hop.kms.map { EvidenceText.statements($0.evidence) } ?? [])),
      fix: hop.fixes.isEmpty ? notes : hop.fixes)
  }

  private static let callerLayers: Set<FailingLayer> = [.scp, .identity, .boundary, .session]

  /// `identity policy: no statement allows s3:GetObject · SCP: allows`, in AWS's order.
  private static func sideLine(
    _ layers: [LayerResult], failing: [FailingLayer], caller: Bool, isFinal: Bool, action: String
  ) -> String {
    var parts: [String] = []
    for layer in layers {
      let outcome: String
      switch layer.outcome {
      case .allow: outcome = "allows"
      case .conditional: outcome = "allows under conditions"
      case .implicitDeny: outcome = "no statement allows \(action)"
      case .explicitDeny: outcome = "explicit Deny"
      }
      parts.append("\(name(layer.layer, isFinal: isFinal)): \(outcome)")
    }
    for layer in failing where callerLayers.contains(layer) == caller {
      let name = layerName(layer, isFinal: isFinal)
      if !parts.contains(where: { $0.hasPrefix(name + ":") }) {
        parts.append("\(name): no statement allows \(action)")
      }
    }
    return parts.isEmpty ? "no policy in this layer" : parts.joined(separator: " · ")
  }

  /// Adds to a denied report what each side does allow on the same target at other levels (from the
  /// allowed `neighbours`' final hops), so both sides' statements are shown even when neither matched.
  static func withNeighbours(_ report: PathReport, _ neighbours: [(AccessLevel, PathReport)]) -> PathReport {
    guard var explanation = report.explanation,
      report.chains.indices.contains(explanation.chainIndex),
      report.chains[explanation.chainIndex].hops.indices.contains(explanation.hopIndex)
    else { return report }
    let failing = report.chains[explanation.chainIndex].hops[explanation.hopIndex]
    var levels: [String] = []
    var callerStatements: [DecidingStatement] = []
    var ownerStatements: [DecidingStatement] = []
    for (level, neighbour) in neighbours {
      guard
        let hop = neighbour.chains.lazy.compactMap({ $0.hops.last }).first(where: {
          $0.from == failing.from && $0.to == failing.to
        })
      else { continue }
      levels.append(level.rawValue)
      for statement in hop.statements {
        if statement.policy.hasPrefix("identity policy") {
          if !callerStatements.contains(statement) { callerStatements.append(statement) }
        } else if !ownerStatements.contains(statement) {
          ownerStatements.append(statement)
        }
      }
    }
    guard !levels.isEmpty else { return report }
    let note = "; here it allows only \(levels.joined(separator: ", ")):"
    if explanation.callerSide.statements.isEmpty, !callerStatements.isEmpty {
      explanation.callerSide.verdictLine += note
      explanation.callerSide.statements = callerStatements
    }
    if explanation.resourceSide.statements.isEmpty, !ownerStatements.isEmpty {
      explanation.resourceSide.verdictLine += note
      explanation.resourceSide.statements = ownerStatements
    }
    var enriched = report
    enriched.explanation = explanation
    return enriched
  }

  private static func ownerName(_ hop: ExplainedHop, isFinal: Bool) -> String {
    guard isFinal else { return EvidenceText.label(hop.to) }
    let label = EvidenceText.label(hop.to)
    return label.hasPrefix("s3://") ? String(label.dropFirst(5).prefix { $0 != "/" }) : label
  }

  /// `bucket policy` on the final request, `trust policy` on an assume-role hop.
  private static func resourceNamed(_ statement: DecidingStatement, isFinal: Bool) -> DecidingStatement {
    var statement = statement
    statement.policy = statement.policy.replacingOccurrences(
      of: "resource policy", with: isFinal ? "bucket policy" : "trust policy")
    return statement
  }

  private static func name(_ layer: LayerResult.Layer, isFinal: Bool) -> String {
    switch layer {
    case .scp: "SCP"
    case .rcp: "RCP"
    case .resource: isFinal ? "bucket policy" : "trust policy"
    case .identity: "identity policy"
    case .boundary: "permissions boundary"
    case .session: "session policy"
    }
  }

  static func layerName(_ layer: FailingLayer, isFinal: Bool) -> String {
    switch layer {
    case .scp: "SCP"
    case .rcp: "RCP"
    case .identity: "identity policy"
    case .resource: isFinal ? "bucket policy" : "trust policy"
    case .trust: "trust policy"
    case .boundary: "permissions boundary"
    case .session: "session policy"
    case .kmsKeyPolicy: "KMS key policy"
    case .blockPublicAccess: "Block Public Access"
    }
  }

  /// `iam:PassRole+codebuild.amazonaws.com` as `iam:PassRole via codebuild.amazonaws.com`.
  private static func action(_ text: String) -> String {
    guard text.hasPrefix("iam:PassRole+") else { return text }
    return "iam:PassRole via " + text.dropFirst("iam:PassRole+".count)
  }
}
