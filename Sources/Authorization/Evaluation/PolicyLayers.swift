import PolicyLanguage

/// Every policy that applies to one request, by layer.
public struct PolicyLayers: Sendable {
  /// What the resource policy is: trust policies and KMS key policies must always allow, even in
  /// the same account; bucket and other resource policies follow the usual same-account union.
  public enum ResourcePolicyKind: String, Sendable, Hashable {
    case bucket
    case trust
    case keyPolicy
    case other
  }

  /// SCP levels of the caller's account, root first; nil when the account is in no organization.
  public var serviceControlPolicies: [[PolicyDocument]]?
  /// RCP levels of the resource's account, root first; nil when none apply.
  public var resourceControlPolicies: [[PolicyDocument]]?
  public var resourcePolicy: PolicyDocument?
  public var resourcePolicyKind: ResourcePolicyKind
  public var identityPolicies: [PolicyDocument]
  public var permissionsBoundary: PolicyDocument?
  public var sessionPolicy: PolicyDocument?

  public init(
    serviceControlPolicies: [[PolicyDocument]]? = nil, resourceControlPolicies: [[PolicyDocument]]? = nil,
    resourcePolicy: PolicyDocument? = nil, resourcePolicyKind: ResourcePolicyKind = .other,
    identityPolicies: [PolicyDocument] = [], permissionsBoundary: PolicyDocument? = nil,
    sessionPolicy: PolicyDocument? = nil
  ) {
    self.serviceControlPolicies = serviceControlPolicies
    self.resourceControlPolicies = resourceControlPolicies
    self.resourcePolicy = resourcePolicy
    self.resourcePolicyKind = resourcePolicyKind
    self.identityPolicies = identityPolicies
    self.permissionsBoundary = permissionsBoundary
    self.sessionPolicy = sessionPolicy
  }
}
