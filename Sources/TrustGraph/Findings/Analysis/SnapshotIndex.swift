import Inventory
import PolicyLanguage

/// An IAM user or role of the snapshot with every identity policy that applies to it.
struct IdentityPrincipal {
  /// Users and roles: the principals that identity policies belong to.
  enum Kind {
    case user
    case role
  }

  var kind: Kind
  var arn: String
  var name: String
  var account: String
  var tags: [String: String]
  /// Inline, attached and (for users) group policies; documents that could not be read are absent.
  var documents: [PolicyDocument]
}

/// Lookups over an inventory that every gap rule needs, built once: principals by ARN and account,
/// buckets by name, keys by id and ARN, organization membership.
struct SnapshotIndex {
  let inventory: Inventory
  let accountIds: Set<String>
  /// Accounts whose IAM export is in the snapshot and was read completely (some user, group or
  /// role): only there can a principal be known to be missing or unused.
  let accountsWithIAM: Set<String>
  /// Member accounts of the organization; nil when the snapshot has no organization data.
  let organizationAccounts: Set<String>?
  let principals: [IdentityPrincipal]
  let principalIndexByArn: [String: Int]
  let principalIndicesByAccount: [String: [Int]]
  /// `account/name` of every role, for assumed-role ARNs (which carry no path).
  let roleKeys: Set<String>
  let rolesByArn: [String: Role]
  let accountsById: [String: Account]
  let bucketsByName: [String: Bucket]
  let keysByReference: [String: KMSKey]

  init(_ inventory: Inventory) {
    self.inventory = inventory
    accountIds = Set(inventory.accounts.map(\.id))
    accountsWithIAM = Set(
      inventory.accounts.filter {
        $0.identityProblem == nil && (!$0.users.isEmpty || !$0.roles.isEmpty || !$0.groups.isEmpty)
      }.map(\.id))
    organizationAccounts = inventory.organization.map { Set($0.accounts.map(\.id)) }
    var principals: [IdentityPrincipal] = []
    var roleKeys = Set<String>()
    var buckets: [String: Bucket] = [:]
    var keys: [String: KMSKey] = [:]
    var roles: [String: Role] = [:]
    var accounts: [String: Account] = [:]
    for account in inventory.accounts {
      accounts[account.id] = account
      var managed: [String: PolicyDocument] = [:]
      for policy in account.managedPolicies { managed[policy.arn] = policy.document }
      func documents(inline: [PolicyDocument], attached: [String]) -> [PolicyDocument] {
        inline + attached.compactMap { managed[$0] }
      }
      var groups: [String: [PolicyDocument]] = [:]
      for group in account.groups {
        groups[group.name] = documents(inline: group.inlinePolicies, attached: group.attachedPolicyArns)
      }
      for user in account.users {
        let own = documents(inline: user.inlinePolicies, attached: user.attachedPolicyArns)
        principals.append(
          IdentityPrincipal(
            kind: .user, arn: user.arn, name: user.name, account: account.id, tags: user.tags,
            documents: own + user.groupNames.flatMap { groups[$0] ?? [] }))
      }
      for role in account.roles {
        roleKeys.insert(account.id + "/" + role.name)
        roles[role.arn] = role
        principals.append(
          IdentityPrincipal(
            kind: .role, arn: role.arn, name: role.name, account: account.id, tags: role.tags,
            documents: documents(inline: role.inlinePolicies, attached: role.attachedPolicyArns)))
      }
      for bucket in account.buckets { buckets[bucket.name] = bucket }
      for key in account.keys {
        keys[key.arn] = key
        keys[key.id] = key
      }
    }
    self.principals = principals
    var byArn: [String: Int] = [:]
    var byAccount: [String: [Int]] = [:]
    for (index, principal) in principals.enumerated() {
      byArn[principal.arn] = index
      byAccount[principal.account, default: []].append(index)
    }
    principalIndexByArn = byArn
    principalIndicesByAccount = byAccount
    self.roleKeys = roleKeys
    bucketsByName = buckets
    rolesByArn = roles
    accountsById = accounts
    keysByReference = keys
  }

  /// Whether `account` is outside the organization: not a member when the organization is known,
  /// else not in the snapshot at all.
  func isExternal(_ account: String) -> Bool {
    if let organizationAccounts { return !organizationAccounts.contains(account) }
    return !accountIds.contains(account)
  }

  /// The organization id for principals of `account`: `.present` when a member, `.absent` when the
  /// organization is known and the account is not in it, `.unknown` without organization data.
  func organizationId(of account: String) -> ContextLookup {
    guard let organization = inventory.organization, let organizationAccounts else { return .unknown }
    return organizationAccounts.contains(account) ? .present([organization.id]) : .absent
  }

  /// The account folder of `account` inside the snapshot, for files that are not statements.
  func snapshotPath(_ components: String...) -> String {
    ([inventory.root] + components).filter { !$0.isEmpty }.joined(separator: "/")
  }
}
