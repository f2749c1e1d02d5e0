import Authorization
import PolicyLanguage

/// The bucket policies AWS effectively applies (`BucketRules.effectivePolicy`), compiled once per
/// query: a bucket has one for its owner's principals and services, and one for everyone else.
final class EffectivePolicyMemo {
  private var policies: [String: (policy: CompiledPolicy?, blockedByPublicAccess: Bool)] = [:]

  func policy(_ rules: BucketRules, for caller: Caller) -> (
    policy: CompiledPolicy?, blockedByPublicAccess: Bool
  ) {
    let key = "\(rules.isOwnerOrService(caller))|\(rules.bucket.name)"
    if let found = policies[key] { return found }
    let (document, blocked) = rules.effectivePolicy(for: caller)
    let found = (policy: document.map(CompiledPolicy.init), blockedByPublicAccess: blocked)
    policies[key] = found
    return found
  }
}
