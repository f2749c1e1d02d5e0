import Inventory
import TrustGraph

/// The principals of the browser: every user, group and role of the snapshot, and every other
/// principal the graph knows (services, identity providers, accounts outside the snapshot, anyone).
/// Their detail lines (whom each trusts and what it can become) are written by `details(of:)` when
/// a principal is shown: writing them for every principal of a large organization took seconds.
struct PrincipalRows: Sendable {
  let inventory: Inventory
  let graph: TrustGraph
  /// Index into `inventory.accounts` of each account id (the first account listing it).
  private let accountPositions: [String: Int]

  init(_ inventory: Inventory, graph: TrustGraph) {
    self.inventory = inventory
    self.graph = graph
    accountPositions = Dictionary(
      inventory.accounts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The rows (without detail lines) and the set of their ARNs.
  func principals() -> (rows: [PrincipalSummary], arns: Set<String>) {
    var result: [PrincipalSummary] = []
    var seen = Set<String>()
    func add(_ summary: PrincipalSummary) {
      if seen.insert(summary.arn).inserted { result.append(summary) }
    }
    for account in inventory.accounts {
      for user in account.users {
        add(PrincipalSummary(arn: user.arn, name: user.name, kind: .user, accountID: account.id))
      }
      for group in account.groups {
        add(PrincipalSummary(arn: group.arn, name: group.name, kind: .group, accountID: account.id))
      }
      for role in account.roles {
        add(PrincipalSummary(arn: role.arn, name: role.name, kind: .role, accountID: account.id))
      }
    }
    let others = graph.nodes.values.compactMap(other).sorted { $0.arn < $1.arn }
    for summary in others { add(summary) }
    return (result, seen)
  }

  /// The detail lines of a row `principals()` made: for a user, group or role of the snapshot
  /// from its account, else from its graph node.
  func details(of principal: PrincipalSummary) -> [String] {
    if let lines = snapshotDetails(of: principal) { return lines }
    guard let node = graph.nodes[principal.arn] else { return [] }
    let becomes = becomesLine(node.id).map { [$0] } ?? []
    switch node.kind {
    case .accountRoot:
      return ["any principal of \(principal.accountID) that its own policies allow"] + becomes
    case .user, .role: return ["named by a policy, not in the snapshot"] + becomes
    default: return becomes
    }
  }

  /// The lines of a user, group or role listed by its account; nil for any other row.
  private func snapshotDetails(of principal: PrincipalSummary) -> [String]? {
    guard let position = accountPositions[principal.accountID] else { return nil }
    let account = inventory.accounts[position]
    switch principal.kind {
    case .user:
      return account.users.first { $0.arn == principal.arn }.map(userDetails)
    case .group:
      return account.groups.first { $0.arn == principal.arn }.map { memberDetails($0.arn) }
    case .role:
      return account.roles.first { $0.arn == principal.arn }.map(roleDetails)
    default:
      return nil
    }
  }

  /// A principal that is not a user or role of the snapshot; nil for the snapshot's own account roots
  /// (no export describes them), the "any account" placeholder and anonymous (listed only when
  /// something grants it access).
  private func other(_ node: GraphNode) -> PrincipalSummary? {
    switch node.kind {
    case .service:
      return PrincipalSummary(arn: node.id, name: node.id, kind: .service, accountID: AccountRows.services)
    case .federated:
      return PrincipalSummary(
        arn: node.id, name: EvidenceText.label(node.id), kind: .provider,
        accountID: node.account ?? AccountRows.anyone)
    case .accountRoot:
      guard let account = node.account, accountPositions[account] == nil, !account.contains("*") else {
        return nil
      }
      return PrincipalSummary(arn: node.id, name: account, kind: .account, accountID: account)
    case .user, .role:
      guard let account = node.account, accountPositions[account] == nil || node.isExternal else {
        return nil
      }
      let label = EvidenceText.label(node.id)
      let name = label.split(separator: "/", maxSplits: 1).last.map(String.init) ?? label
      return PrincipalSummary(
        arn: node.id, name: name, kind: node.kind == .user ? .user : .role, accountID: account)
    default:
      return nil
    }
  }

  private func userDetails(_ user: User) -> [String] {
    var lines = ["groups: " + (user.groupNames.isEmpty ? "none" : user.groupNames.joined(separator: ", "))]
    if let becomes = becomesLine(user.arn) { lines.append(becomes) }
    return lines
  }

  private func memberDetails(_ group: String) -> [String] {
    let members = graph.edges(to: group).filter { $0.kind == .memberOf }.map { EvidenceText.label($0.from) }
    return [
      "members: " + (members.isEmpty ? "none" : Self.list(members)),
      "a group never acts itself: its members get its policies",
    ]
  }

  private func roleDetails(_ role: Role) -> [String] {
    var lines: [String] = []
    let incoming = graph.edges(to: role.arn).filter(\.kind.becomesTarget)
    let callers = incoming.map { edge -> String in
      var text = EvidenceText.label(edge.from)
      if edge.kind == .viaService, let service = edge.service { text += " via \(service)" }
      if edge.isConditional { text += " (conditional)" }
      return text
    }
    lines.append(
      "trusted and assumable by: " + (callers.isEmpty ? "nobody in the snapshot" : Self.list(callers)))
    if let becomes = becomesLine(role.arn) { lines.append(becomes) }
    if let description = role.description, !description.isEmpty {
      lines.append("description: " + description)
    }
    return lines
  }

  /// `can become: role/a, role/b` from the graph's outgoing edges.
  private func becomesLine(_ id: String) -> String? {
    let roles = graph.edges(from: id).filter(\.kind.becomesTarget).map { edge -> String in
      EvidenceText.label(edge.to) + (edge.isConditional ? " (conditional)" : "")
    }
    return roles.isEmpty ? nil : "can become: " + Self.list(roles)
  }

  /// At most four items, then `+N more`.
  private static func list(_ items: [String]) -> String {
    let shown = items.prefix(4).joined(separator: ", ")
    return items.count > 4 ? "\(shown) +\(items.count - 4) more" : shown
  }
}
