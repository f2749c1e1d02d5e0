import Inventory
import TrustGraph

/// The accounts pane: the snapshot's accounts with alias and OU path, then the accounts outside the
/// snapshot that policies name, then pseudo-accounts for AWS services and for anyone.
enum AccountRows {
  /// The pseudo-account holding service principals (`codebuild.amazonaws.com`).
  static let services = "services"
  /// The pseudo-account holding the anonymous principal `*`.
  static let anyone = "anyone"

  static func accounts(_ inventory: Inventory, principals: [PrincipalSummary]) -> [AccountSummary] {
    var result = inventory.accounts.map { account in
      AccountSummary(id: account.id, alias: account.alias, ouPath: ouPath(of: account, in: inventory))
    }
    let known = Set(result.map(\.id))
    let others = Set(principals.map(\.accountID)).subtracting(known)
    for id in others.sorted() where id != services && id != anyone {
      result.append(AccountSummary(id: id, alias: "(not in snapshot)", ouPath: ["outside the snapshot"]))
    }
    if others.contains(services) {
      result.append(AccountSummary(id: services, alias: "AWS service principals", ouPath: ["AWS"]))
    }
    if others.contains(anyone) {
      result.append(AccountSummary(id: anyone, alias: "anonymous (*)", ouPath: ["everyone"]))
    }
    return result
  }

  /// OU names from the root down (`Root › Workloads › Prod`), from the organization data.
  private static func ouPath(of account: Account, in inventory: Inventory) -> [String] {
    guard let organization = inventory.organization else { return [] }
    let ids = account.organizationPath.isEmpty ? organization.path(to: account.id) : account.organizationPath
    return ids.map { id in
      if id == organization.rootId || id.hasPrefix("r-") { return "Root" }
      return organization.units.first { $0.id == id }?.name ?? id
    }
  }
}
