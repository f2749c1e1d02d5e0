import Authorization
import PolicyLanguage

extension TrustGraph {
  /// Every principal that can perform at least one of `actions` on `target`: the direct ones (each
  /// request evaluated with both sides, SCPs/RCPs, boundaries, Block Public Access, ACLs, SSE-KMS),
  /// then everyone who reaches one of them through assume-role, federation or via-service hops
  /// (breadth-first from the resource side, so shortest chains come first and cycles end).
  public func whoCan(_ target: QueryTarget, actions: [String], directOnly: Bool = false) -> WhoCanResult {
    let answer = DirectAccess(graph: self).find(target, actions: actions)
    var entries: [WhoCanEntry] = []
    var direct: [String: DirectAccess.Grant] = [:]
    for grant in answer.grants {
      direct[grant.profile.id] = grant
      entries.append(entry(for: grant.profile.id, chain: [], end: grant))
    }
    if !directOnly {
      let chains = ChainSearch(graph: self).chainsReaching(Set(direct.keys))
      for (principal, paths) in chains.sorted(by: {
        ($0.value[0].count, $0.key) < ($1.value[0].count, $1.key)
      })
      where direct[principal] == nil {
        guard let first = paths.first, let end = first.last.flatMap({ direct[$0.to] }) else { continue }
        var item = entry(for: principal, chain: first, end: end)
        item.chains += paths.dropFirst().map { path in [principal] + path.map(\.to) }
        entries.append(item)
      }
    }
    for index in entries.indices where entries[index].isDirect && direct.count <= 50 {
      let more = ChainSearch(graph: self).alternativeChains(
        from: entries[index].principal, to: Set(direct.keys))
      entries[index].chains += more
    }
    var blocked = answer.blocked.map {
      BlockedAccess(principal: $0.profile.id, actions: $0.actions, kms: $0.kms, chains: [[$0.profile.id]])
    }
    if !directOnly { blocked += blockedUpstream(of: blocked, allowed: Set(entries.map(\.principal))) }
    return WhoCanResult(
      target: target, actions: actions, principals: entries, blocked: blocked, notes: answer.notes)
  }

  /// Those who reach a KMS-blocked principal through assume-role, federation or via-service hops are
  /// blocked by the same key (unless another chain already lets them through).
  private func blockedUpstream(of blocked: [BlockedAccess], allowed: Set<String>) -> [BlockedAccess] {
    var byPrincipal = Dictionary(blocked.map { ($0.principal, $0) }, uniquingKeysWith: { first, _ in first })
    let chains = ChainSearch(graph: self).chainsReaching(Set(byPrincipal.keys))
    var result: [BlockedAccess] = []
    for (principal, paths) in chains.sorted(by: { ($0.value[0].count, $0.key) < ($1.value[0].count, $1.key) })
    where byPrincipal[principal] == nil && !allowed.contains(principal) {
      guard let first = paths.first, let end = first.last.flatMap({ byPrincipal[$0.to] }) else { continue }
      let item = BlockedAccess(
        principal: principal, actions: end.actions, kms: end.kms,
        chains: paths.map { path in [principal] + path.map(\.to) })
      byPrincipal[principal] = item
      result.append(item)
    }
    return result
  }

  /// The entry of `principal` reaching `end` (a direct grant) through `chain` (edges; empty = direct).
  func entry(for principal: String, chain: [GraphEdge], end: DirectAccess.Grant) -> WhoCanEntry {
    let node = nodes[principal]
    let profile = directory.profile(principal)
    var conditions: [HopCondition] = []
    for (offset, edge) in chain.enumerated() {
      conditions += HopCondition.from(edge.residual, hop: offset + 1)
    }
    for access in end.access {
      for condition in HopCondition.from(access.residual, hop: 0) where !conditions.contains(condition) {
        conditions.append(condition)
      }
    }
    let conditional =
      chain.contains { $0.isConditional } || end.access.allSatisfy { $0.outcome == .conditional }
    var patterns: [String] = []
    for access in end.access {
      for pattern in access.patterns where !patterns.contains(pattern) { patterns.append(pattern) }
    }
    let account =
      node?.account ?? profile?.account ?? (end.profile.id == principal ? end.profile.account : nil)
    return WhoCanEntry(
      principal: principal,
      kind: node?.kind ?? (end.profile.id == principal ? end.profile.kind : .accountRoot),
      account: principal == Directory.anyAccountId || account == "" ? nil : account,
      actions: end.access.map(\.action),
      coverage: end.access.allSatisfy { $0.coverage == .all } ? .all : .some, patterns: patterns,
      conditional: conditional, conditions: conditions, chains: [[principal] + chain.map(\.to)],
      access: end.access,
      isExternal: node?.isExternal ?? end.profile.isExternal)
  }
}
