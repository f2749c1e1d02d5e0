import PolicyLanguage

/// Every compiled policy that applies to one request, by layer (the compiled form of `PolicyLayers`:
/// build it once, from policies compiled once, and evaluate many requests against it).
public struct CompiledPolicyLayers: Sendable {
  /// SCP levels of the caller's account, root first; nil when the account is in no organization.
  public var serviceControlPolicies: [[CompiledPolicy]]?
  /// RCP levels of the resource's account, root first; nil when none apply.
  public var resourceControlPolicies: [[CompiledPolicy]]?
  public var resourcePolicy: CompiledPolicy?
  public var resourcePolicyKind: PolicyLayers.ResourcePolicyKind
  public var identityPolicies: [CompiledPolicy]
  public var permissionsBoundary: CompiledPolicy?
  public var sessionPolicy: CompiledPolicy?

  public init(
    serviceControlPolicies: [[CompiledPolicy]]? = nil, resourceControlPolicies: [[CompiledPolicy]]? = nil,
    resourcePolicy: CompiledPolicy? = nil, resourcePolicyKind: PolicyLayers.ResourcePolicyKind = .other,
    identityPolicies: [CompiledPolicy] = [], permissionsBoundary: CompiledPolicy? = nil,
    sessionPolicy: CompiledPolicy? = nil
  ) {
    self.serviceControlPolicies = serviceControlPolicies
    self.resourceControlPolicies = resourceControlPolicies
    self.resourcePolicy = resourcePolicy
    self.resourcePolicyKind = resourcePolicyKind
    self.identityPolicies = identityPolicies
    self.permissionsBoundary = permissionsBoundary
    self.sessionPolicy = sessionPolicy
  }

  /// Compiles every policy of `layers`.
  public init(_ layers: PolicyLayers) {
    self.init(
      serviceControlPolicies: layers.serviceControlPolicies?.map { $0.map(CompiledPolicy.init) },
      resourceControlPolicies: layers.resourceControlPolicies?.map { $0.map(CompiledPolicy.init) },
      resourcePolicy: layers.resourcePolicy.map(CompiledPolicy.init),
      resourcePolicyKind: layers.resourcePolicyKind,
      identityPolicies: layers.identityPolicies.map(CompiledPolicy.init),
      permissionsBoundary: layers.permissionsBoundary.map(CompiledPolicy.init),
      sessionPolicy: layers.sessionPolicy.map(CompiledPolicy.init))
  }
}
