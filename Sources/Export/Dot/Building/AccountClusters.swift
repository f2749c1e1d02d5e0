import Inventory

/// The boxes of a diagram: one per account that holds a drawn node, nested in its OUs when the
/// organization is known, and a dashed box for the accounts outside the snapshot.
struct AccountClusters {
  static let outsideId = "outside"

  private let inventory: Inventory
  private let accountIds: Set<String>
  private let accountParent: [String: String]
  private let units: [String: OrganizationalUnit]
  private let organizationNames: [String: String]

  init(_ inventory: Inventory) {
    self.inventory = inventory
    accountIds = Set(inventory.accounts.map(\.id))
    let organization = inventory.organization
    accountParent = Dictionary(
      (organization?.accounts ?? []).compactMap { account in account.parentId.map { (account.id, $0) } },
      uniquingKeysWith: { first, _ in first })
    units = Dictionary(
      (organization?.units ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    organizationNames = Dictionary(
      (organization?.accounts ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
  }

  /// Whether the account's folder is in the snapshot.
  func contains(_ account: String) -> Bool { accountIds.contains(account) }

  /// The cluster a node of `account` goes in.
  func clusterId(for account: String) -> String {
    contains(account) ? account : Self.outsideId + ":" + account
  }

  /// `alias (id)`, or the organization's name for the account, or the id.
  func label(for account: String) -> String {
    if let alias = inventory.account(account)?.alias { return "\(alias) (\(account))" }
    if let name = organizationNames[account] { return "\(name) (\(account))" }
    return account
  }

  /// The clusters needed for nodes in `usedClusterIds`, with every enclosing OU.
  func clusters(for usedClusterIds: Set<String>) -> [DiagramCluster] {
    var result: [String: DiagramCluster] = [:]
    for id in usedClusterIds {
      if id.hasPrefix(Self.outsideId + ":") {
        let account = String(id.dropFirst(Self.outsideId.count + 1))
        result[id] = DiagramCluster(
          id: id, label: label(for: account), kind: .outside, parentId: Self.outsideId)
        result[Self.outsideId] = DiagramCluster(
          id: Self.outsideId, label: "outside the snapshot", kind: .outside)
        continue
      }
      var parent = accountParent[id].flatMap { units[$0] == nil ? nil : $0 }
      result[id] = DiagramCluster(id: id, label: label(for: id), kind: .account, parentId: parent)
      var seen = Set<String>()
      while let unitId = parent, let unit = units[unitId], seen.insert(unitId).inserted {
        parent = unit.parentId.flatMap { units[$0] == nil ? nil : $0 }
        result[unitId] = DiagramCluster(
          id: unitId, label: "OU \(unit.name)", kind: .organizationalUnit, parentId: parent)
      }
    }
    return Array(result.values)
  }
}
