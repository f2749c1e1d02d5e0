import Authorization
import TrustGraph

/// The findings as the gaps list shows them, and the half-configured pairs they point at: where one
/// side allows and the other never did (an identity grant the bucket owner ignores, a bucket grant the
/// caller's policies never use), the denied cell becomes a gap, explained by the graph's explain.
struct GapCells {
  let gaps: [GapFinding]
  /// Per bucket, the principals a half-configured finding names.
  let candidates: [String: [String]]

  /// The rules whose findings name a (principal, bucket) pair that is half-configured.
  private static let halfConfigured: Set<String> = [FindingRule.identityOnly.id, FindingRule.resourceOnly.id]

  init(findings: [Finding], buckets: [BucketSummary], principals: Set<String>) {
    let names = Set(buckets.map(\.name))
    var gaps: [GapFinding] = []
    var candidates: [String: [String]] = [:]
    for finding in findings {
      let bucket = finding.resources.lazy.compactMap(Self.bucketName).first { names.contains($0) }
      let principal = finding.principals.first { principals.contains($0) }
      let halfConfigured = Self.halfConfigured.contains(finding.rule.id)
      if halfConfigured, let bucket, let principal { candidates[bucket, default: []].append(principal) }
      let isWriter = finding.rule == .objectOwnership || finding.rule == .kmsWriter || halfConfigured
      gaps.append(
        GapFinding(
          ruleID: finding.rule.name, severity: Self.severity(finding.severity), title: finding.message,
          principal: principal, target: bucket.map { TargetRef(bucket: $0) }, level: isWriter ? .write : nil,
          fix: finding.fix))
    }
    self.gaps = gaps
    self.candidates = candidates
  }

  /// The gap cells of one column: each candidate of the bucket whose cell is not allowed and whose
  /// explanation fails on one side only, and everyone who can become that candidate.
  func cells(_ target: TargetRef, level: AccessLevel, graph: TrustGraph, allowed: AccessSource.Answers)
    -> AccessSource.Answers
  {
    var answers = AccessSource.Answers()
    for principal in candidates[target.bucket] ?? [] {
      let key = CellKey(principal: principal, target: target, level: level)
      guard allowed.cells[key] == nil, answers.cells[key] == nil, let query = QueryTarget(target.uri) else {
        continue
      }
      let explanation = graph.explain(
        principal: principal, target: query, actions: EvidenceText.actions(level))
      guard let side = Self.missingSide(explanation) else { continue }
      answers.cells[key] = AccessCell(.gap, note: "half-configured: \(side) never allowed it")
      answers.paths[key] = ExplainReport.report(explanation, target: target, verdict: .gap)
      for other in Self.principalsReaching(principal, graph: graph) {
        let otherKey = CellKey(principal: other, target: target, level: level)
        guard allowed.cells[otherKey] == nil, answers.cells[otherKey] == nil else { continue }
        answers.cells[otherKey] = AccessCell(
          .gap, note: "via \(EvidenceText.label(principal)): \(side) never allowed it")
      }
    }
    return answers
  }

  /// `the bucket owner 222222222222` or `the caller's account 111111111111` when exactly one side of the
  /// failing hop of an implicitly denied chain says no; nil otherwise (both sides, or an explicit Deny).
  static func missingSide(_ explanation: Explanation) -> String? {
    guard !explanation.isAllowed, explanation.outcome == .implicitDeny else { return nil }
    let callerLayers: Set<FailingLayer> = [.scp, .identity, .boundary, .session]
    for chain in explanation.chains where chain.outcome == .implicitDeny {
      guard let hop = chain.hops.first(where: { $0.hop == chain.failingHop }), !hop.failingLayers.isEmpty
      else { continue }
      let callerFails = hop.failingLayers.contains { callerLayers.contains($0) }
      let ownerFails = hop.failingLayers.contains { !callerLayers.contains($0) }
      if callerFails != ownerFails {
        let owner = hop.hop == 0 ? "the bucket owner" : "the role's owner"
        return callerFails
          ? "the caller's account \(hop.callerSide.account ?? "")"
          : "\(owner) \(hop.resourceSide.account ?? "")"
      }
    }
    return nil
  }

  /// Everyone who can become `principal` through assume-role, federation or via-service edges.
  static func principalsReaching(_ principal: String, graph: TrustGraph) -> [String] {
    var seen: Set<String> = [principal]
    var queue = [principal]
    var result: [String] = []
    while let next = queue.popLast() {
      for edge in graph.edges(to: next) where edge.kind.becomesTarget && seen.insert(edge.from).inserted {
        result.append(edge.from)
        queue.append(edge.from)
      }
    }
    return result
  }

  private static func bucketName(_ resource: String) -> String? {
    guard resource.hasPrefix("arn:aws:s3:::") else { return nil }
    let name = resource.dropFirst("arn:aws:s3:::".count).prefix { $0 != "/" }
    return name.isEmpty ? nil : String(name)
  }

  private static func severity(_ severity: FindingSeverity) -> GapSeverity {
    switch severity {
    case .critical: .critical
    case .high: .high
    case .medium: .medium
    case .low: .low
    case .info: .info
    }
  }
}
