import Authorization
import TrustGraph

/// The findings as the gaps list shows them, and the half-configured cells they point at: where one
/// side allows and the other never did (an identity grant the bucket owner ignores, a bucket grant the
/// caller's policies never use), the denied cell becomes a gap, explained by the graph's explain.
struct GapCells {
  var cells: [CellKey: AccessCell] = [:]
  var paths: [CellKey: PathReport] = [:]
  var gaps: [GapFinding] = []

  /// The rules whose findings name a (principal, bucket) pair that is half-configured.
  private static let halfConfigured: Set<String> = [FindingRule.identityOnly.id, FindingRule.resourceOnly.id]

  init(
    findings: [Finding], graph: TrustGraph, buckets: [BucketSummary], principals: Set<String>,
    allowed: [CellKey: AccessCell]
  ) {
    let bucketsByName = Dictionary(buckets.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    for finding in findings {
      let bucket = finding.resources.lazy.compactMap(Self.bucketName).first { bucketsByName[$0] != nil }
      let principal = finding.principals.first { principals.contains($0) }
      var level: AccessLevel? = finding.rule == .objectOwnership || finding.rule == .kmsWriter ? .write : nil
      if Self.halfConfigured.contains(finding.rule.id), let bucket, let principal,
        let summary = bucketsByName[bucket]
      {
        let found = markHalfConfigured(principal, bucket: summary, graph: graph, allowed: allowed)
        level = found ?? level
      }
      gaps.append(
        GapFinding(
          ruleID: finding.rule.name, severity: Self.severity(finding.severity), title: finding.message,
          principal: principal, target: bucket.map { TargetRef(bucket: $0) }, level: level, fix: finding.fix))
    }
  }

  /// Explains `principal` on every target of `bucket` at every level that is not already allowed, and
  /// marks the half-configured ones as gaps (also for every principal that can become `principal`).
  /// Returns the first level found.
  private mutating func markHalfConfigured(
    _ principal: String, bucket: BucketSummary, graph: TrustGraph, allowed: [CellKey: AccessCell]
  ) -> AccessLevel? {
    var first: AccessLevel?
    let upstream = Self.principalsReaching(principal, graph: graph)
    for level in AccessLevel.allCases {
      for target in bucket.targets {
        let key = CellKey(principal: principal, target: target, level: level)
        guard allowed[key] == nil, cells[key] == nil, let query = QueryTarget(target.uri) else { continue }
        let explanation = graph.explain(
          principal: principal, target: query, actions: EvidenceText.actions(level))
        guard let side = Self.missingSide(explanation) else { continue }
        first = first ?? level
        cells[key] = AccessCell(.gap, note: "half-configured: \(side) never allowed it")
        paths[key] = ExplainReport.report(explanation, target: target, verdict: .gap)
        for other in upstream {
          let otherKey = CellKey(principal: other, target: target, level: level)
          guard allowed[otherKey] == nil, cells[otherKey] == nil else { continue }
          cells[otherKey] = AccessCell(
            .gap, note: "via \(EvidenceText.label(principal)): \(side) never allowed it")
        }
      }
    }
    return first
  }

  /// `the bucket owner 222222222222` or `the caller's account 111111111111` when exactly one side of the failing
  /// hop of an implicitly denied chain says no; nil otherwise (both sides, or an explicit Deny).
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
