import PolicyLanguage

/// Every compiled policy that applies to one request, by layer (the compiled form of `PolicyLayers`:
/// build it once, from policies compiled once, and evaluate many requests against it).
public typealias CompiledPolicyLayers = LayeredPolicies<CompiledPolicy>

extension LayeredPolicies where Policy == CompiledPolicy {
  /// Compiles every policy of `layers`.
  public init(_ layers: PolicyLayers) {
    self = layers.map(CompiledPolicy.init)
  }
}
