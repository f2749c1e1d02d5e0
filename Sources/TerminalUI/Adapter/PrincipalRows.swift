import Inventory
import TrustGraph

/// The principals of the browser: every user, group and role of the snapshot, and every other
/// principal the graph knows (services, identity providers, accounts outside the snapshot, anyone),
/// each with detail lines summarising whom it trusts and what it can become.
enum PrincipalRows {
  static func principals(_ inventory: Inventory, graph: TrustGraph) -> [PrincipalSummary] {
    var result: [PrincipalSummary] = []
    var seen = Set<String>()
    func add(_ summary: PrincipalSummary) {
      if seen.insert(summary.arn).inserted { result.append(summary) }
    }
    for account in inventory.accounts {
      for user in account.users {
        add(
          PrincipalSummary(
            arn: user.arn, name: user.name, kind: .user, accountID: account.id,
            details: userDetails(user, graph: graph)))
      }
      for group in account.groups {
        add(
          PrincipalSummary(
            arn: group.arn, name: group.name, kind: .group, accountID: account.id,
            details: memberDetails(group.arn, graph: graph)))
      }
      for role in account.roles {
        add(
          PrincipalSummary(
            arn: role.arn, name: role.name, kind: .role, accountID: account.id,
            details: roleDetails(role, graph: graph)))
      }
    }
    let inSnapshot = Set(inventory.accounts.map(\.id))
    for node in graph.nodes.values.sorted(by: { $0.id < $1.id }) where node.kind.isPrincipal {
      guard let summary = other(node, inSnapshot: inSnapshot, graph: graph) else { continue }
      add(summary)
    }
    return result
  }

  /// A principal that is not a user or role of the snapshot; nil for the snapshot's own account roots
  /// (no export describes them), the "any account" placeholder and anonymous (listed only when
  /// something grants it access).
  private static func other(_ node: GraphNode, inSnapshot: Set<String>, graph: TrustGraph)
    -> PrincipalSummary?
  {
    let becomes = becomesLine(node.id, graph: graph).map { [$0] } ?? []
    switch node.kind {
    case .service:
      return PrincipalSummary(
        arn: node.id, name: node.id, kind: .service, accountID: AccountRows.services, details: becomes)
    case .federated:
      return PrincipalSummary(
        arn: node.id, name: EvidenceText.label(node.id), kind: .provider,
        accountID: node.account ?? AccountRows.anyone, details: becomes)
    case .accountRoot:
      guard let account = node.account, !inSnapshot.contains(account), !account.contains("*") else {
        return nil
      }
      return PrincipalSummary(
        arn: node.id, name: account, kind: .account, accountID: account,
        details: ["any principal of \(account) that its own policies allow"] + becomes)
    case .user, .role:
      guard let account = node.account, !inSnapshot.contains(account) || node.isExternal else { return nil }
      let label = EvidenceText.label(node.id)
      let name = label.split(separator: "/", maxSplits: 1).last.map(String.init) ?? label
      return PrincipalSummary(
        arn: node.id, name: name, kind: node.kind == .user ? .user : .role, accountID: account,
        details: ["named by a policy, not in the snapshot"] + becomes)
    default:
      return nil
    }
  }

  private static func userDetails(_ user: User, graph: TrustGraph) -> [String] {
    var lines = ["groups: " + (user.groupNames.isEmpty ? "none" : user.groupNames.joined(separator: ", "))]
    if let becomes = becomesLine(user.arn, graph: graph) { lines.append(becomes) }
    return lines
  }

  private static func memberDetails(_ group: String, graph: TrustGraph) -> [String] {
    let members = graph.edges(to: group).filter { $0.kind == .memberOf }.map { EvidenceText.label($0.from) }
    return [
      "members: " + (members.isEmpty ? "none" : list(members)),
      "a group never acts itself: its members get its policies",
    ]
  }

  private static func roleDetails(_ role: Role, graph: TrustGraph) -> [String] {
    var lines: [String] = []
    let incoming = graph.edges(to: role.arn).filter(\.kind.becomesTarget)
    let callers = incoming.map { edge -> String in
      var text = EvidenceText.label(edge.from)
      if edge.kind == .viaService, let service = edge.service { text += " via \(service)" }
      if edge.isConditional { text += " (conditional)" }
      return text
    }
    lines.append("trusted and assumable by: " + (callers.isEmpty ? "nobody in the snapshot" : list(callers)))
    if let becomes = becomesLine(role.arn, graph: graph) { lines.append(becomes) }
    if let description = role.description, !description.isEmpty {
      lines.append("description: " + description)
    }
    return lines
  }

  /// `can become: role/a, role/b` from the graph's outgoing edges.
  private static func becomesLine(_ id: String, graph: TrustGraph) -> String? {
    let roles = graph.edges(from: id).filter(\.kind.becomesTarget).map { edge -> String in
      EvidenceText.label(edge.to) + (edge.isConditional ? " (conditional)" : "")
    }
    return roles.isEmpty ? nil : "can become: " + list(roles)
  }

  /// At most four items, then `+N more`.
  private static func list(_ items: [String]) -> String {
    let shown = items.prefix(4).joined(separator: ", ")
    return items.count > 4 ? "\(shown) +\(items.count - 4) more" : shown
  }
}
