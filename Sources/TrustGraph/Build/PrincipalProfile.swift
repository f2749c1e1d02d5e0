import Authorization
import PolicyLanguage

/// A principal of the snapshot with its policy set resolved once: who it is as a caller, and the
/// identity policies, boundary and SCP levels that limit what it does. Each policy is held compiled
/// (`CompiledPolicy`, shared with every other principal that has the same document attached), so
/// that the graph's many evaluations never prepare a document twice.
public struct PrincipalProfile: Sendable {
  /// The principal's ARN (graph node id).
  public var id: String
  public var kind: GraphNode.Kind
  public var account: String
  public var caller: Caller
  /// Inline, attached and group policies (for users), default versions.
  public let identityPolicies: [PolicyDocument]
  public let permissionsBoundary: PolicyDocument?
  /// SCP levels of the principal's account (nil outside an organization or in its management account).
  public let serviceControlPolicies: [[PolicyDocument]]?
  /// Attached managed policies whose documents the snapshot lacks (reported with answers).
  public var missingPolicies: [String]
  /// Whether the principal is not in the snapshot (an external account's root, a deleted role);
  /// its identity side is then assumed to allow.
  public var isExternal: Bool
  /// `identityPolicies`, compiled (shared objects: the same managed policy is one object for all).
  let compiledIdentityPolicies: [CompiledPolicy]
  private let compiledBoundary: CompiledPolicy?
  private let compiledServiceControlPolicies: [[CompiledPolicy]]?

  init(
    id: String, kind: GraphNode.Kind, account: String, caller: Caller, identityPolicies: [CompiledPolicy],
    permissionsBoundary: CompiledPolicy?, serviceControlPolicies: [[CompiledPolicy]]?,
    missingPolicies: [String], isExternal: Bool
  ) {
    self.id = id
    self.kind = kind
    self.account = account
    self.caller = caller
    self.identityPolicies = identityPolicies.map(\.document)
    self.permissionsBoundary = permissionsBoundary?.document
    self.serviceControlPolicies = serviceControlPolicies?.map { $0.map(\.document) }
    self.missingPolicies = missingPolicies
    self.isExternal = isExternal
    compiledIdentityPolicies = identityPolicies
    compiledBoundary = permissionsBoundary
    compiledServiceControlPolicies = serviceControlPolicies
  }

  /// The layers for a request by this principal against a resource policy of `kind`.
  func layers(
    resourcePolicy: CompiledPolicy?, kind: PolicyLayers.ResourcePolicyKind,
    resourceControlPolicies: [[CompiledPolicy]]?
  ) -> CompiledPolicyLayers {
    CompiledPolicyLayers(
      serviceControlPolicies: compiledServiceControlPolicies,
      resourceControlPolicies: resourceControlPolicies,
      resourcePolicy: resourcePolicy, resourcePolicyKind: kind, identityPolicies: compiledIdentityPolicies,
      permissionsBoundary: compiledBoundary)
  }
}
