import PolicyLanguage

/// An AWS Organization: its accounts, OU tree, SCPs and RCPs with their targets.
public struct Organization: Sendable {
  public var id: String
  public var managementAccountId: String?
  public var rootId: String?
  public var accounts: [OrganizationAccount]
  public var units: [OrganizationalUnit]
  public var policies: [OrganizationPolicy]

  public init(
    id: String, managementAccountId: String? = nil, rootId: String? = nil,
    accounts: [OrganizationAccount] = [],
    units: [OrganizationalUnit] = [], policies: [OrganizationPolicy] = []
  ) {
    self.id = id
    self.managementAccountId = managementAccountId
    self.rootId = rootId
    self.accounts = accounts
    self.units = units
    self.policies = policies
  }

  /// The parent (OU or root) of an account or OU, when recorded.
  public func parentId(of childId: String) -> String? {
    if let account = accounts.first(where: { $0.id == childId }) { return account.parentId }
    return units.first { $0.id == childId }?.parentId
  }

  /// The ids from the root down to the direct parent of `childId` (an account or OU id); empty when
  /// the parent is unknown. A cycle in the recorded parents stops the walk.
  public func path(to childId: String) -> [String] {
    var path: [String] = []
    var seen: Set<String> = [childId]
    var current = parentId(of: childId)
    while let id = current, seen.insert(id).inserted {
      path.append(id)
      current = parentId(of: id)
    }
    return path.reversed()
  }

  /// The policies of `kind` attached directly to `targetId` (a root, OU or account id).
  public func policies(attachedTo targetId: String, kind: OrganizationPolicy.Kind) -> [OrganizationPolicy] {
    policies.filter { $0.kind == kind && $0.targetIds.contains(targetId) }
  }

  /// The policies of `kind` that apply to `accountId`, one level per entry from the root down to the
  /// account itself: every level must allow a request (AWS's SCP and RCP rule).
  public func policyLevels(for accountId: String, kind: OrganizationPolicy.Kind) -> [[OrganizationPolicy]] {
    (path(to: accountId) + [accountId]).map { policies(attachedTo: $0, kind: kind) }
  }
}

/// A member account as the organization lists it.
public struct OrganizationAccount: Sendable, Hashable {
  public var id: String
  public var name: String
  /// The OU (or root) the account sits in.
  public var parentId: String?

  public init(id: String, name: String, parentId: String?) {
    self.id = id
    self.name = name
    self.parentId = parentId
  }
}

/// An organizational unit.
public struct OrganizationalUnit: Sendable, Hashable {
  public var id: String
  public var name: String
  public var parentId: String?

  public init(id: String, name: String, parentId: String?) {
    self.id = id
    self.name = name
    self.parentId = parentId
  }
}

/// An SCP or RCP and the roots, OUs and accounts it is attached to.
public struct OrganizationPolicy: Sendable {
  /// Which kind of organization policy.
  public enum Kind: String, Sendable, Hashable {
    case serviceControl = "SERVICE_CONTROL_POLICY"
    case resourceControl = "RESOURCE_CONTROL_POLICY"
  }

  public var id: String
  public var name: String
  public var kind: Kind
  public var document: PolicyDocument?
  /// Ids of the roots, OUs and accounts the policy is attached to.
  public var targetIds: [String]

  public init(id: String, name: String, kind: Kind, document: PolicyDocument?, targetIds: [String]) {
    self.id = id
    self.name = name
    self.kind = kind
    self.document = document
    self.targetIds = targetIds
  }
}
