import Inventory
import PolicyLanguage
import TrustGraph

/// The whole setup of a large organization, drawn straight from the snapshot's policies without the
/// trust graph: one node per account (or per OU when the accounts alone are too many) with counts, and
/// one arrow per pair of them counting what the trust policies and bucket policies of one grant to
/// principals of the other. Cross-account assume-role and S3 access always need such a grant, so no
/// cross-account access is left out; a grant the caller's own policies never use still shows.
struct AccountOverview {
  let inventory: Inventory
  let request: DiagramRequest

  /// Where a principal or account sits in the overview: a group node, or a node of its own.
  private struct Place {
    var id: String
    var label: String
    var kind: DiagramNode.Kind
    var clusterId: String?
  }

  private struct Pair: Hashable {
    var from: String
    var to: String
  }

  /// The arrows between two nodes: how many grants of each kind, and the states seen.
  private struct Tally {
    var counts: [String: Int] = [:]
    var states: Set<DiagramEdge.State> = []
  }

  /// Graphviz lays out a few hundred labelled arrows in well under a second, a thousand in minutes.
  static let maximumArrows = 300

  /// Beyond `maximumArrows` arrows between accounts, OUs are drawn instead, and beyond that only the
  /// heaviest arrows.
  func build() -> DiagramModel {
    let accountLevel = build(byUnit: inventory.accounts.count > request.maxNodes)
    guard accountLevel.edges.count > Self.maximumArrows, inventory.organization?.units.isEmpty == false,
      !accountLevel.notes.contains(where: { $0.contains("each OU is one node") })
    else { return keepHeaviestEdges(accountLevel) }
    var byUnit = build(byUnit: true)
    byUnit.notes.append(
      "\(accountLevel.edges.count) arrows between accounts is more than \(request.maxNodes), so each OU is one node."
    )
    return keepHeaviestEdges(byUnit)
  }

  /// The `maximumArrows` arrows that count the most grants (ties by ends), with a note of what was left out.
  private func keepHeaviestEdges(_ model: DiagramModel) -> DiagramModel {
    guard model.edges.count > Self.maximumArrows else { return model }
    func weight(_ edge: DiagramEdge) -> Int { if case .aggregate(let count) = edge.kind { count } else { 1 } }
    let kept = model.edges.sorted {
      weight($0) != weight($1) ? weight($0) > weight($1) : ($0.from, $0.to) < ($1.from, $1.to)
    }.prefix(Self.maximumArrows)
    var result = model
    result.edges = Array(kept)
    result.notes.append(
      "Only the \(kept.count) arrows with the most grants are drawn (\(model.edges.count - kept.count) left out)."
    )
    return result
  }

  private func build(byUnit requested: Bool) -> DiagramModel {
    let clusters = AccountClusters(inventory)
    let parents = Self.parentUnits(inventory)
    let unitsById = Dictionary(
      (inventory.organization?.units ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let byUnit = requested && !parents.isEmpty
    let allClusters = clusters.clusters(for: Set(inventory.accounts.map(\.id)))
    let unitNodes = byUnit ? Set(inventory.accounts.compactMap { parents[$0.id] }) : []

    func place(ofAccount account: String) -> Place {
      guard clusters.contains(account) else {
        return Place(
          id: "account:" + account, label: account, kind: .account, clusterId: AccountClusters.outsideId)
      }
      if byUnit, let unit = parents[account], let found = unitsById[unit] {
        return Place(
          id: "ou:" + unit, label: "OU " + found.name, kind: .organizationalUnit, clusterId: found.parentId)
      }
      return Place(
        id: "account:" + account, label: clusters.label(for: account), kind: .account,
        clusterId: parents[account])
    }

    var nodes: [String: DiagramNode] = [:]
    var contents: [String: [DiagramNode.Kind: Int]] = [:]
    var accountsPerNode: [String: Int] = [:]
    for account in inventory.accounts {
      let here = place(ofAccount: account.id)
      nodes[here.id] = DiagramNode(
        id: here.id, label: here.label, kind: here.kind, clusterId: here.clusterId)
      accountsPerNode[here.id, default: 0] += 1
      contents[here.id, default: [:]].merge(Self.contents(of: account), uniquingKeysWith: +)
    }
    let known = Set(inventory.accounts.flatMap { $0.users.map(\.arn) + $0.roles.map(\.arn) })
    var tallies: [Pair: Tally] = [:]

    func add(_ entry: PrincipalReference, owner: String, kind: DiagramEdge.Kind, conditional: Bool) {
      let from: Place
      var state: DiagramEdge.State = conditional ? .conditional : .allowed
      switch entry {
      case .account, .user, .role, .assumedRole, .federatedUser:
        guard let account = entry.account, account != owner else { return }
        from = place(ofAccount: account)
        let named: String? =
          switch entry {
          case .user(let arn, _), .role(let arn, _): arn
          default: nil
          }
        if let named, clusters.contains(account), !known.contains(named) {
          state = .denied(reason: "names principals missing from their account")
        }
      case .everyone: from = Place(id: "*", label: "anyone (*)", kind: .anonymous)
      case .service(let name): from = Place(id: name, label: name, kind: .servicePrincipal)
      case .federatedProvider(let provider):
        let parts = provider.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count >= 6, parts[0] == "arn" {
          let account = String(parts[4])
          guard account != owner else { return }
          from = place(ofAccount: account)
        } else {
          from = Place(id: provider, label: provider, kind: .oidcProvider)
        }
      case .uniqueId, .canonicalUser, .unrecognized: return
      }
      let to = place(ofAccount: owner)
      guard from.id != to.id else { return }
      if nodes[from.id] == nil {
        nodes[from.id] = DiagramNode(
          id: from.id, label: from.label, kind: from.kind, clusterId: from.clusterId)
      }
      let pair = Pair(from: from.id, to: to.id)
      tallies[pair, default: Tally()].counts[DotStyle.baseLabel(kind), default: 0] += 1
      tallies[pair, default: Tally()].states.insert(state)
    }

    for account in inventory.accounts {
      for role in account.roles where !role.isServiceLinked {
        for statement in role.trustPolicy?.statements ?? [] where statement.effect == .allow {
          guard let principal = statement.principal, !principal.negated,
            let kind = Self.assumeKind(statement)
          else { continue }
          for entry in principal.entries {
            let edgeKind: DiagramEdge.Kind =
              if case .service = entry { .serviceAssume } else if case .federatedProvider = entry {
                .federatedAssume
              } else { kind }
            add(entry, owner: account.id, kind: edgeKind, conditional: !statement.conditions.isEmpty)
          }
        }
      }
      for bucket in account.buckets {
        for statement in bucket.policy?.statements ?? [] where statement.effect == .allow {
          guard let principal = statement.principal, !principal.negated else { continue }
          for level in request.concreteLevels
          where level.s3Actions.contains(where: { statement.action.applies(to: $0) }) {
            guard let diagramLevel = DiagramAccessLevel(rawValue: level.rawValue) else { continue }
            for entry in principal.entries {
              add(
                entry, owner: account.id, kind: .access(diagramLevel),
                conditional: !statement.conditions.isEmpty)
            }
          }
        }
      }
    }

    for (id, kinds) in contents {
      let accounts = accountsPerNode[id] ?? 0
      let accountLine =
        nodes[id]?.kind == .organizationalUnit ? ["\(accounts) account\(accounts == 1 ? "" : "s")"] : []
      nodes[id]?.details = accountLine + DiagramCollapser.counts(kinds)
    }
    let usedClusters = Set(nodes.values.compactMap(\.clusterId))
    var keptClusters = allClusters.filter {
      $0.kind == .organizationalUnit && !unitNodes.contains($0.id)
    }
    if usedClusters.contains(AccountClusters.outsideId) {
      keptClusters.append(
        DiagramCluster(id: AccountClusters.outsideId, label: "outside the snapshot", kind: .outside))
    }
    var notes = DiagramBuilder.header(request)
    if let organization = inventory.organization { notes.append("organization \(organization.id)") }
    let principals = inventory.accounts.reduce(0) { $0 + $1.users.count + $1.roles.count }
    let buckets = inventory.accounts.reduce(0) { $0 + $1.buckets.count }
    notes.append(
      "Overview of \(inventory.accounts.count) accounts (\(principals + buckets) users, roles and buckets, more "
        + "than \(request.maxNodes)): each \(byUnit ? "OU" : "account") is one node with counts.")
    notes.append(
      "Arrows count what trust policies and bucket policies grant to other accounts, services and anyone; "
        + "not checked: the callers' own policies, SCPs/RCPs, conditions, KMS keys and in-account access "
        + "(focus on a bucket or principal for exact answers).")
    return DiagramModel(
      title: "Trust and access: the whole setup", notes: notes, clusters: keptClusters,
      nodes: Array(nodes.values), edges: tallies.map { Self.edge($0.key, $0.value) })
  }

  /// One arrow for a pair: `3× AssumeRole, read`, allowed when one grant is unconditional.
  private static func edge(_ pair: Pair, _ tally: Tally) -> DiagramEdge {
    let total = tally.counts.values.reduce(0, +)
    let state: DiagramEdge.State =
      tally.states.contains(.allowed)
      ? .allowed
      : tally.states.contains(.conditional)
        ? .conditional : tally.states.count == 1 ? tally.states.first! : .denied(reason: "all denied")
    let summary = tally.counts.sorted { $0.key < $1.key }.map {
      $0.value == 1 ? $0.key : "\($0.value)× \($0.key)"
    }
    return DiagramEdge(
      from: pair.from, to: pair.to, kind: .aggregate(count: total), state: state,
      annotations: [summary.joined(separator: ", ")])
  }

  /// The assume-role kind a trust statement grants, nil when it grants none.
  private static func assumeKind(_ statement: Statement) -> DiagramEdge.Kind? {
    if statement.action.applies(to: "sts:AssumeRole") { return .assumeRole }
    if statement.action.applies(to: "sts:AssumeRoleWithWebIdentity")
      || statement.action.applies(to: "sts:AssumeRoleWithSAML")
    {
      return .federatedAssume
    }
    return nil
  }

  /// What an account holds, by node kind.
  private static func contents(of account: Account) -> [DiagramNode.Kind: Int] {
    var kinds: [DiagramNode.Kind: Int] = [:]
    kinds[.user] = account.users.count
    kinds[.group] = account.groups.count
    kinds[.role] = account.roles.filter { !$0.isServiceLinked }.count
    kinds[.bucket] = account.buckets.count
    kinds[.kmsKey] = account.keys.count
    return kinds.filter { $0.value > 0 }
  }

  /// The OU directly above each account, when the organization is known and lists the OU.
  private static func parentUnits(_ inventory: Inventory) -> [String: String] {
    let units = Set((inventory.organization?.units ?? []).map(\.id))
    var parents: [String: String] = [:]
    for account in inventory.organization?.accounts ?? [] {
      if let parent = account.parentId, units.contains(parent) { parents[account.id] = parent }
    }
    return parents
  }
}
