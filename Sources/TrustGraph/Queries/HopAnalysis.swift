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
  /// names the caller are alternatives (either suffices), so their two fixes become one.
  func fixes(for layers: [FailingLayer], _ subject: Subject, _ decision: Decision) -> [String] {
    let separate = layers.map { fixes(for: $0, subject, decision) }
    guard decision.outcome == .implicitDeny, subject.caller.account == subject.resourceAccount,
      let identity = layers.firstIndex(of: .identity),
      let resource = layers.firstIndex(of: subject.resourceLayer)
    else { return separate.flatMap { $0 } }
    let caller = subject.caller
    let delegation =
      subject.resourceLayer == .kmsKeyPolicy
      ? " (the identity policy is enough once \(subject.resourcePolicyName) allows the account, arn:aws:iam::\(caller.account):root)"
      : " (same account: either one is enough)"
    let either =
      "account \(caller.account) must allow \(subject.action) on \(subject.resourcePattern) either in an identity policy of \(caller.id) or in \(subject.resourcePolicyName) naming \(caller.id)"
      + delegation
    var result: [String] = []
    for (index, texts) in separate.enumerated() where index != resource {
      result += index == identity ? [either] : texts
    }
    return result
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
      return [
        "\(subject.ownerTitle) \(owner) must allow \(caller.id) (\(subject.action) on \(subject.resourcePattern)) in \(subject.resourcePolicyName)"
      ]
    case .blockPublicAccess:
      return [
        "bucket owner \(owner): RestrictPublicBuckets cuts every cross-account grant of a public bucket policy; make the policy non-public (pin its `*` statements with aws:PrincipalOrgID, aws:SourceAccount, …) or turn RestrictPublicBuckets off"
      ]
    }
  }

  private var managementSuffix: String {
    graph.directory.organization.managementAccountId.map { " (\($0))" } ?? ""
  }
}
