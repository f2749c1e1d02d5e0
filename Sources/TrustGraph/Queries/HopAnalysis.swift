import Authorization
import Inventory
import PolicyLanguage

/// Turns one traced decision into an explained hop: the failing layers, the two accounts' sides, and
/// the fix for each failing layer, addressed to the account that must make it.
struct HopAnalysis {
  let graph: TrustGraph

  /// What the hop is about, for the fix texts.
  struct Subject {
    var hop: Int
    var caller: PrincipalProfile
    var action: String
    /// The resource as the fix should name it (`arn:aws:s3:::b/prefix*`, a role ARN, a key ARN).
    var resourcePattern: String
    var resourceAccount: String?
    /// The resource-side layer's name for this hop: resource (bucket policy), trust, or KMS key policy.
    var resourceLayer: FailingLayer
    /// `the bucket policy of b`, `the trust policy of arn:…`, `the key policy of arn:…`.
    var resourcePolicyName: String
    /// The name of the resource-side owner role: `bucket owner`, `role owner`, `key owner`.
    var ownerTitle: String
  }

  static let callerFailing: Set<FailingLayer> = [.scp, .identity, .boundary, .session]
  static let callerLayers: Set<LayerResult.Layer> = [.scp, .identity, .boundary, .session]

  func hop(_ subject: Subject, from: String, to: String, decision: Decision) -> ExplainedHop {
    let layers = failing(subject, decision)
    return ExplainedHop(
      hop: subject.hop, from: from, to: to, action: subject.action, outcome: decision.outcome,
      failingLayers: layers,
      callerSide: .init(
        account: subject.caller.account.isEmpty ? nil : subject.caller.account,
        layers: decision.layers.filter { Self.callerLayers.contains($0.layer) }),
      resourceSide: .init(
        account: subject.resourceAccount,
        layers: decision.layers.filter { !Self.callerLayers.contains($0.layer) }),
      kms: nil, conditions: HopCondition.from(decision.residual, hop: subject.hop),
      fixes: fixes(for: layers, subject, decision))
  }

  /// The fixes of every failing layer. In one account an identity policy and a resource policy that
  /// names the caller are alternatives, so a failing identity layer (and the resource layer with it)
  /// becomes one "either … or …" fix; see `sameAccountAlternatives`.
  func fixes(for layers: [FailingLayer], _ subject: Subject, _ decision: Decision) -> [String] {
    let separate = layers.map { fixes(for: $0, subject, decision) }
    guard decision.outcome == .implicitDeny, subject.caller.account == subject.resourceAccount,
      let identity = layers.firstIndex(of: .identity)
    else { return separate.flatMap { $0 } }
    let resource = layers.firstIndex(of: subject.resourceLayer)
    var result: [String] = []
    for (index, texts) in separate.enumerated() where index != resource {
      result += index == identity ? [sameAccountAlternatives(subject, decision)] : texts
    }
    return result
  }

  /// The same-account fix when the caller's identity policy does not allow. A bucket (or other
  /// resource) policy naming the caller is enough on its own, and so is the identity policy. A trust or
  /// key policy must allow in any case: naming the caller is enough, naming the account
  /// (`arn:aws:iam::A:root`, as "Enable IAM User Permissions" does) hands the decision to IAM, so the
  /// identity policy then suffices.
  private func sameAccountAlternatives(_ subject: Subject, _ decision: Decision) -> String {
    let caller = subject.caller
    let start = "account \(caller.account) must allow \(subject.action) on \(subject.resourcePattern) either"
    let identity = "in an identity policy of \(caller.id)"
    let named = "in \(subject.resourcePolicyName) naming \(caller.id)"
    let either = " (same account: either one is enough)"
    guard subject.resourceLayer == .trust || subject.resourceLayer == .kmsKeyPolicy else {
      return "\(start) \(identity) or \(named)\(either)"
    }
    let resource = decision.layers.filter { $0.layer == .resource }
    if !resource.isEmpty, resource.allSatisfy({ $0.outcome == .allow }) {
      let labels = resource.flatMap(\.statements).filter { $0.effect == .allow }.map {
        $0.sid ?? "#\($0.index)"
      }
      let through = labels.isEmpty ? "" : " through \(labels.joined(separator: ", "))"
      return
        "\(start) \(identity) (\(subject.resourcePolicyName) already allows the account\(through)) or \(named)\(either)"
    }
    return
      "\(start) \(named), or \(identity) together with \(subject.resourcePolicyName) naming the account (arn:aws:iam::\(caller.account):root)\(either)"
  }

  /// The layers that fail a denied decision: the explicit denies, else every layer without an allow
  /// (a cross-account request without any resource policy fails on the resource side).
  func failing(_ subject: Subject, _ decision: Decision) -> [FailingLayer] {
    guard !decision.mayBeAllowed else { return [] }
    let wanted: Decision.Outcome = decision.outcome == .explicitDeny ? .explicitDeny : .implicitDeny
    var result: [FailingLayer] = []
    for layer in decision.layers where layer.outcome == wanted {
      let name = map(layer.layer, subject)
      if !result.contains(name) { result.append(name) }
    }
    let crossAccount = subject.caller.account != subject.resourceAccount
    if wanted == .implicitDeny, crossAccount || subject.resourceLayer != .resource,
      !decision.layers.contains(where: { $0.layer == .resource }), !result.contains(subject.resourceLayer)
    {
      result.append(subject.resourceLayer)
    }
    if result.isEmpty { result.append(subject.resourceLayer) }
    if wanted == .implicitDeny {
      let caller = result.filter { Self.callerFailing.contains($0) }
      return caller + result.filter { !Self.callerFailing.contains($0) }
    }
    return result
  }

  private func map(_ layer: LayerResult.Layer, _ subject: Subject) -> FailingLayer {
    switch layer {
    case .scp: return .scp
    case .rcp: return .rcp
    case .identity: return .identity
    case .boundary: return .boundary
    case .session: return .session
    case .resource: return subject.resourceLayer
    }
  }

  func fixes(for layer: FailingLayer, _ subject: Subject, _ decision: Decision) -> [String] {
    let caller = subject.caller
    let owner = subject.resourceAccount ?? "?"
    let denies = decision.layers.filter { $0.outcome == .explicitDeny }.flatMap(\.statements)
    if decision.outcome == .explicitDeny, let deny = denies.first {
      let where_ = "\(deny.policy.name) statement \(deny.sid ?? "#\(deny.index)")"
      let kind = layer == .scp ? "SCP" : "RCP"
      let named = deny.policy.name.hasPrefix(kind) ? where_ : "the \(kind) \(where_)"
      switch layer {
      case .scp:
        return [
          "\(named) denies \(subject.action) for \(caller.account) (caller side): only the organization's management account\(managementSuffix) can change it"
        ]
      case .rcp:
        return [
          "\(named) denies \(subject.action) on resources of \(owner) (resource side): only the organization's management account\(managementSuffix) can change it, e.g. by exempting \(caller.id)"
        ]
      case .identity, .boundary, .session:
        return ["account \(caller.account) must remove or narrow the Deny \(where_)"]
      default:
        return [
          "\(subject.ownerTitle) \(owner) must remove or narrow the Deny \(where_) in \(subject.resourcePolicyName)"
        ]
      }
    }
    switch layer {
    case .identity:
      return [
        "account \(caller.account) must allow \(subject.action) on \(subject.resourcePattern) in an identity policy of \(caller.id)"
      ]
    case .boundary:
      return [
        "account \(caller.account) must allow \(subject.action) on \(subject.resourcePattern) in the permissions boundary of \(caller.id)"
      ]
    case .session:
      return ["the session policy passed by the caller must allow \(subject.action)"]
    case .scp:
      return [
        "every SCP level above account \(caller.account) must allow \(subject.action) (organization management account)"
      ]
    case .rcp:
      return [
        "every RCP level above account \(owner) must allow \(subject.action) (organization management account)"
      ]
    case .resource, .trust, .kmsKeyPolicy:
      let text =
        "\(subject.ownerTitle) \(owner) must allow \(caller.id) (\(subject.action) on \(subject.resourcePattern)) in \(subject.resourcePolicyName)"
      return [text + accountAlternative(subject, decision)]
    case .blockPublicAccess:
      return [
        "bucket owner \(owner): RestrictPublicBuckets cuts every cross-account grant of a public bucket policy; make the policy non-public (pin its `*` statements with aws:PrincipalOrgID, aws:SourceAccount, …) or turn RestrictPublicBuckets off"
      ]
    }
  }

  /// For a trust or key policy of the caller's own account when the caller's identity policy already
  /// allows: naming the account instead of the caller is enough too.
  private func accountAlternative(_ subject: Subject, _ decision: Decision) -> String {
    guard subject.resourceLayer != .resource, subject.caller.account == subject.resourceAccount,
      decision.outcome == .implicitDeny,
      decision.layers.contains(where: { $0.layer == .identity && $0.outcome == .allow })
    else { return "" }
    return
      ", or the account (arn:aws:iam::\(subject.caller.account):root) there: the caller's identity policy already allows it"
  }

  private var managementSuffix: String {
    graph.directory.organization.managementAccountId.map { " (\($0))" } ?? ""
  }
}
