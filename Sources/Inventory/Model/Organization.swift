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
