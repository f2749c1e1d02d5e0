import Inventory
import PolicyLanguage
import TrustGraph

/// `--focus s3://bucket/prefix` (or any resource ARN): the principals and chains that reach the target,
/// and with `includeDenied` the candidates that fail, each with its failing hop in red.
struct TargetDiagram {
  let graph: TrustGraph
  let inventory: Inventory
  let request: DiagramRequest
  let target: QueryTarget

  func build() -> DiagramModel {
    var canvas = DiagramCanvas(graph: graph, inventory: inventory)
    let focus = addFocusNode(&canvas)
    addKey(&canvas, focus: focus)
    let levels = request.concreteLevels
    let isS3 = target.bucket != nil
    let actions = isS3 ? request.actions : ["sts:AssumeRole"]
    let result = graph.whoCan(target, actions: actions)
    let (bucket, prefix) = bucketAndPrefix
    for entry in result.principals {
      if entry.isDirect {
        if isS3 {
          canvas.addAccess(
            from: entry.principal, to: focus, access: entry.access, levels: levels, bucket: bucket,
            prefix: prefix)
        } else {
          canvas.addHop(from: entry.principal, to: focus)
        }
      }
      for chain in entry.chains.prefix(1 + request.maxChainsPerPrincipal) { canvas.addChain(chain) }
    }
    for blocked in result.blocked { canvas.addBlocked(blocked, to: focus, levels: levels) }
    var notes = result.notes
    if request.includeDenied && isS3 {
      let reaching = Set(result.principals.map(\.principal) + result.blocked.map(\.principal))
      addDeniedCandidates(&canvas, focus: focus, excluding: reaching, actions: actions)
    }
    notes.insert(Self.summary(result), at: 0)
    if isS3 && !result.principals.isEmpty {
      notes += DiagramBuilder.missingLevels(request, drawn: canvas.edges)
    }
    canvas.mergeAccessLevels(keepingActions: true)
    return canvas.model(
      title: DiagramBuilder.title(request, "Who can", target.text),
      notes: DiagramBuilder.header(request) + notes)
  }

  private var bucketAndPrefix: (String, String) {
    switch target.shape {
    case .prefix(let bucket, let prefix): (bucket, prefix)
    case .object(let bucket, let key): (bucket, key)
    case .resource(let arn): (arn, "")
    }
  }

  /// The target node: the bucket itself for a whole bucket, else a prefix node in the bucket's account.
  private func addFocusNode(_ canvas: inout DiagramCanvas) -> String {
    guard let bucketName = target.bucket else {
      canvas.addNode(target.text, isFocus: true)
      return target.text
    }
    let bucket = inventory.accounts.lazy.flatMap(\.buckets).first { $0.name == bucketName }
    let details = bucket.map(Self.bucketDetails) ?? ["bucket not in the snapshot"]
    let account = bucket?.account
    let (_, prefix) = bucketAndPrefix
    if prefix.isEmpty {
      let id = "arn:aws:s3:::\(bucketName)"
      canvas.addNode(
        DiagramNode(
          id: id, label: bucketName, kind: .bucket, clusterId: account.map(canvas.clusters.clusterId),
          accountId: account, details: details, isFocus: true))
      return id
    }
    let id = "s3://\(bucketName)/\(prefix)"
    canvas.addNode(
      DiagramNode(
        id: id, label: "\(bucketName)/\(prefix)", kind: .prefix,
        clusterId: account.map(canvas.clusters.clusterId),
        accountId: account, details: details, isFocus: true))
    return id
  }

  /// The SSE-KMS key of the target's bucket, drawn next to it: readers and writers need it too.
  private func addKey(_ canvas: inout DiagramCanvas, focus: String) {
    guard let bucketName = target.bucket,
      let bucket = inventory.accounts.lazy.flatMap(\.buckets).first(where: { $0.name == bucketName }),
      let key = bucket.encryption?.kmsKeyId
    else { return }
    let keys = inventory.accounts.flatMap(\.keys)
    guard let found = keys.first(where: { $0.arn == key || $0.id == key && $0.account == bucket.account })
    else {
      return
    }
    canvas.addEdge(DiagramEdge(from: focus, to: found.arn, kind: .encryptedWith))
  }

  /// `2 principals: 1 directly, 1 through assume-role chains` — the answer at a glance.
  static func summary(_ result: WhoCanResult) -> String {
    let count = result.principals.count
    guard count > 0 else {
      return result.blocked.isEmpty
        ? "Nobody reaches it." : "Nobody reaches it: the KMS key stops every writer."
    }
    let direct = result.principals.filter(\.isDirect).count
    let conditional = result.principals.filter(\.conditional).count
    var text =
      "\(count) principal\(count == 1 ? "" : "s"): \(direct) directly, \(count - direct) through chains"
    if conditional > 0 { text += ", \(conditional) only under conditions" }
    return text
  }

  /// `ObjectWriter · SSE-KMS` and the like, for a bucket node.
  static func bucketDetails(_ bucket: Bucket) -> [String] {
    var facts: [String] = []
    if let ownership = bucket.objectOwnership { facts.append(ownership) }
    switch bucket.encryption?.algorithm {
    case "aws:kms", "aws:kms:dsse": facts.append("SSE-KMS")
    case "AES256": facts.append("SSE-S3")
    default: break
    }
    if bucket.policy == nil { facts.append("no bucket policy") }
    return facts.isEmpty ? [] : [facts.joined(separator: " · ")]
  }

  /// Draws the candidates that do not reach the target: principals whose own policies name the bucket,
  /// and principals the bucket policy names.
  private func addDeniedCandidates(
    _ canvas: inout DiagramCanvas, focus: String, excluding reaching: Set<String>, actions: [String]
  ) {
    let candidates = DeniedCandidates(graph: graph, inventory: inventory).principals(for: bucketAndPrefix.0)
    for candidate in candidates where !reaching.contains(candidate) {
      if let reason = DeniedCandidates.danglingReason(candidate, graph: graph, clusters: canvas.clusters) {
        canvas.addEdge(
          DiagramEdge(from: candidate, to: focus, kind: .namedInPolicy, state: .denied(reason: reason)))
        continue
      }
      for (level, chains) in failingLevels(of: candidate, actions: actions) {
        for chain in chains.prefix(1 + request.maxChainsPerPrincipal) {
          addFailing(chain, &canvas, focus: focus, level: level)
        }
      }
      addUpstream(of: candidate, &canvas)
    }
  }

  /// The failing chains of `candidate` for each access level asked for (explained with that level's
  /// actions), keeping the levels some policy grants it (the final request fails on one side only); when
  /// no level is granted on either side, the first failing level, so that the candidate still shows why.
  private func failingLevels(of candidate: String, actions: [String]) -> [(
    DiagramAccessLevel?, [ExplainedChain]
  )] {
    guard target.bucket != nil else {
      let chains = graph.explain(principal: candidate, target: target, actions: actions).chains
      return [(nil, chains.filter { $0.failingHop != nil })]
    }
    var granted: [(DiagramAccessLevel?, [ExplainedChain])] = []
    var first: (DiagramAccessLevel?, [ExplainedChain])?
    for level in request.concreteLevels {
      let chains = graph.explain(principal: candidate, target: target, actions: level.s3Actions).chains
        .filter { $0.failingHop != nil }
      guard !chains.isEmpty else { continue }
      let entry = (DiagramAccessLevel(rawValue: level.rawValue), chains)
      if first == nil { first = entry }
      let grantedSomewhere = chains.contains { chain in
        guard let hop = chain.hops.first(where: { $0.hop == chain.failingHop }) else { return false }
        return !(hop.failingLayers.contains(.identity) && hop.failingLayers.contains(.resource))
      }
      if grantedSomewhere { granted.append(entry) }
    }
    return granted.isEmpty ? (first.map { [$0] } ?? []) : granted
  }

  /// Who can become `principal` (up to three hops back, at most 40 principals): they fail where it fails.
  private func addUpstream(of principal: String, _ canvas: inout DiagramCanvas) {
    var frontier = [principal]
    var seen: Set<String> = [principal]
    for _ in 0..<3 where seen.count < 40 {
      var next: [String] = []
      for node in frontier {
        for edge in graph.edges(to: node) where edge.kind != .memberOf && seen.count < 40 {
          canvas.addEdge(DiagramCanvas.diagramEdge(edge))
          if seen.insert(edge.from).inserted { next.append(edge.from) }
        }
      }
      frontier = next.sorted()
    }
  }

  /// The hops of `chain` up to its failing one; the failing one red with the reason.
  private func addFailing(
    _ chain: ExplainedChain, _ canvas: inout DiagramCanvas, focus: String, level: DiagramAccessLevel?
  ) {
    for hop in chain.hops {
      let failing = hop.hop == chain.failingHop
      if hop.hop == 0 {
        let levels =
          level.map { [$0] }
          ?? AccessLevel.levels(of: hop.action).compactMap { DiagramAccessLevel(rawValue: $0.rawValue) }
        let state: DiagramEdge.State = failing ? .denied(reason: EdgeText.failure(hop)) : .allowed
        canvas.addEdge(
          DiagramEdge(
            from: hop.from, to: focus, kind: .access(levels.first ?? .read), state: state,
            annotations: [EdgeText.actions([hop.action])]))
      } else if failing {
        canvas.addEdge(
          DiagramEdge(
            from: hop.from, to: hop.to, kind: .assumeRole, state: .denied(reason: EdgeText.failure(hop))))
      } else {
        canvas.addHop(from: hop.from, to: hop.to)
      }
      if failing { break }
    }
  }
}
