/// Breadth-first searches over the edges that make the caller another principal (assume-role,
/// federation, via-service), with cycles handled by visiting each node once per search.
struct ChainSearch {
  let graph: TrustGraph
  /// At most this many chains are kept per principal.
  var limit = 3

  /// For every principal that reaches one of `targets` (and is not one), its shortest chains as
  /// edge lists, unconditional chains first.
  func chainsReaching(_ targets: Set<String>) -> [String: [[GraphEdge]]] {
    var distance: [String: Int] = [:]
    var next: [String: [GraphEdge]] = [:]
    var queue = targets.sorted()
    for target in queue { distance[target] = 0 }
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      let depth = distance[node]!
      for edge in graph.edges(to: node) where edge.kind.becomesTarget {
        if let known = distance[edge.from] {
          if known == depth + 1 { next[edge.from, default: []].append(edge) }
          continue
        }
        distance[edge.from] = depth + 1
        next[edge.from] = [edge]
        queue.append(edge.from)
      }
    }
    var result: [String: [[GraphEdge]]] = [:]
    for (node, depth) in distance where depth > 0 {
      result[node] = enumerate(from: node, next: next)
    }
    return result
  }

  /// Chains from `principal` to other members of `targets` (for a principal with direct access too):
  /// the first `limit - 1` met breadth-first. The search keeps one parent per node and stops as soon
  /// as it has them, rather than walking everything the principal reaches.
  func alternativeChains(from principal: String, to targets: Set<String>) -> [[String]] {
    var others = targets
    others.remove(principal)
    let wanted = limit - 1
    guard wanted > 0, !others.isEmpty,
      graph.edges(from: principal).contains(where: { $0.kind.becomesTarget })
    else {
      return []
    }
    var parent: [String: String] = [principal: principal]
    var queue = [principal]
    var head = 0
    var chains: [[String]] = []
    while head < queue.count {
      let node = queue[head]
      head += 1
      for edge in graph.edges(from: node) where edge.kind.becomesTarget && parent[edge.to] == nil {
        parent[edge.to] = node
        queue.append(edge.to)
        guard others.contains(edge.to) else { continue }
        var chain = [edge.to]
        var cursor = node
        while cursor != principal, let previous = parent[cursor] {
          chain.append(cursor)
          cursor = previous
        }
        chains.append([principal] + chain.reversed())
        if chains.count == wanted { return chains }
      }
    }
    return chains
  }

  /// Every node reachable from `start`, with one shortest edge path each.
  func forward(from start: String) -> [(String, [GraphEdge])] {
    var paths: [String: [GraphEdge]] = [start: []]
    var queue = [start]
    var order: [(String, [GraphEdge])] = []
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      let path = paths[node]!
      for edge in graph.edges(from: node) where edge.kind.becomesTarget && paths[edge.to] == nil {
        paths[edge.to] = path + [edge]
        queue.append(edge.to)
        order.append((edge.to, path + [edge]))
      }
    }
    return order
  }

  private func enumerate(from node: String, next: [String: [GraphEdge]]) -> [[GraphEdge]] {
    var chains: [[GraphEdge]] = []
    func walk(_ current: String, _ path: [GraphEdge]) {
      guard chains.count < limit * 4 else { return }
      guard let edges = next[current] else {
        chains.append(path)
        return
      }
      for edge in edges.sorted(by: { ($0.isConditional ? 1 : 0, $0.to) < ($1.isConditional ? 1 : 0, $1.to) })
      {
        walk(edge.to, path + [edge])
      }
    }
    walk(node, [])
    let ranked = chains.sorted { lhs, rhs in
      let left = lhs.filter(\.isConditional).count
      let right = rhs.filter(\.isConditional).count
      return left != right ? left < right : lhs.map(\.to).lexicographicallyPrecedes(rhs.map(\.to))
    }
    return Array(ranked.prefix(limit))
  }
}
