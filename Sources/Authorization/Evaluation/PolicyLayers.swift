import PolicyLanguage

/// Every policy that applies to one request, by layer. `Policy` is a parsed document
/// (`PolicyLayers`, matched as written) or its compiled form (`CompiledPolicyLayers`).
public struct LayeredPolicies<Policy: Sendable>: Sendable {
  /// The kind of the resource policy (kept here so `PolicyLayers.ResourcePolicyKind` still names it).
  public typealias ResourcePolicyKind = Authorization.ResourcePolicyKind

  /// SCP levels of the caller's account, root first; nil when the account is in no organization.
  public var serviceControlPolicies: [[Policy]]?
  /// RCP levels of the resource's account, root first; nil when none apply.
  public var resourceControlPolicies: [[Policy]]?
  public var resourcePolicy: Policy?
  public var resourcePolicyKind: ResourcePolicyKind
  public var identityPolicies: [Policy]
  public var permissionsBoundary: Policy?
  public var sessionPolicy: Policy?

  public init(
    serviceControlPolicies: [[Policy]]? = nil, resourceControlPolicies: [[Policy]]? = nil,
    resourcePolicy: Policy? = nil, resourcePolicyKind: ResourcePolicyKind = .other,
    identityPolicies: [Policy] = [], permissionsBoundary: Policy? = nil,
    sessionPolicy: Policy? = nil
  ) {
    self.serviceControlPolicies = serviceControlPolicies
    self.resourceControlPolicies = resourceControlPolicies
    self.resourcePolicy = resourcePolicy
    self.resourcePolicyKind = resourcePolicyKind
    self.identityPolicies = identityPolicies
    self.permissionsBoundary = permissionsBoundary
    self.sessionPolicy = sessionPolicy
  }

  /// The same layers with every policy transformed by `transform`.
  public func map<Other>(_ transform: (Policy) -> Other) -> LayeredPolicies<Other> {
    LayeredPolicies<Other>(
      serviceControlPolicies: serviceControlPolicies?.map { $0.map(transform) },
      resourceControlPolicies: resourceControlPolicies?.map { $0.map(transform) },
      resourcePolicy: resourcePolicy.map(transform), resourcePolicyKind: resourcePolicyKind,
      identityPolicies: identityPolicies.map(transform),
      permissionsBoundary: permissionsBoundary.map(transform),
      sessionPolicy: sessionPolicy.map(transform))
  }
}

/// Every policy document that applies to one request, by layer, matched as written.
public typealias PolicyLayers = LayeredPolicies<PolicyDocument>
