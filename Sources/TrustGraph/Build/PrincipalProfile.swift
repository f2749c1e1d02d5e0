import Authorization
import PolicyLanguage

/// A principal of the snapshot with its policy set resolved once: who it is as a caller, and the
/// identity policies, boundary and SCP levels that limit what it does.
public struct PrincipalProfile: Sendable {
  /// The principal's ARN (graph node id).
  public var id: String
  public var kind: GraphNode.Kind
  public var account: String
  public var caller: Caller
  /// Inline, attached and group policies (for users), default versions.
  public var identityPolicies: [PolicyDocument]
  public var permissionsBoundary: PolicyDocument?
  /// SCP levels of the principal's account (nil outside an organization or in its management account).
  public var serviceControlPolicies: [[PolicyDocument]]?
  /// Attached managed policies whose documents the snapshot lacks (reported with answers).
  public var missingPolicies: [String]
  /// Whether the principal is not in the snapshot (an external account's root, a deleted role);
  /// its identity side is then assumed to allow.
  public var isExternal: Bool

  /// The layers for a request by this principal against a resource policy of `kind`.
  func layers(
    resourcePolicy: PolicyDocument?, kind: PolicyLayers.ResourcePolicyKind,
    resourceControlPolicies: [[PolicyDocument]]?
  ) -> PolicyLayers {
    PolicyLayers(
      serviceControlPolicies: serviceControlPolicies, resourceControlPolicies: resourceControlPolicies,
      resourcePolicy: resourcePolicy, resourcePolicyKind: kind, identityPolicies: identityPolicies,
      permissionsBoundary: permissionsBoundary)
  }
}
