import Authorization
import Inventory
import PolicyLanguage

/// Explains hop 0 — the request on the target itself — for one acting principal.
struct FinalHop {
  let graph: TrustGraph
  let target: QueryTarget
  let actions: [String]

  func explain(_ profile: PrincipalProfile) -> (ExplainedHop, notes: [String]) {
    switch target.shape {
    case .prefix(let name, let prefix), .object(let name, let prefix):
      guard let bucket = graph.directory.bucket(name) else {
        let hop = unknownTarget(profile, reason: "bucket \(name) is not in the snapshot")
        return (hop, ["bucket \(name) is not in the snapshot"])
      }
      var exact = false
      if case .object = target.shape { exact = true }
      return (s3(profile, bucket: bucket, prefix: prefix, exact: exact), [])
    case .resource(let arn):
      return (resource(profile, arn: arn), [])
    }
  }

  private func s3(_ profile: PrincipalProfile, bucket: Bucket, prefix: String, exact: Bool) -> ExplainedHop {
    let probe = AccessProbe(runner: graph.runner)
    var first: (action: String, result: AccessProbe.Result)?
    for action in actions {
      let result = probe.probe(profile, bucket: bucket, prefix: prefix, exact: exact, action: action)
      if result.access != nil {
        first = (action, result)
        break
      }
      if first == nil { first = (action, result) }
    }
    guard let (action, result) = first else { return unknownTarget(profile, reason: "no action") }
    let bucketLevel = AccessLevel.isBucketLevel(action)
    let pattern =
      bucketLevel ? bucket.arn : exact ? "\(bucket.arn)/\(prefix)" : Self.grantPattern(bucket, prefix)
    let subject = HopAnalysis.Subject(
      hop: 0, caller: profile, action: action, resourcePattern: pattern, resourceAccount: bucket.account,
      resourceLayer: .resource, resourcePolicyName: "the bucket policy of \(bucket.name)",
      ownerTitle: "bucket owner")
    let analysis = HopAnalysis(graph: graph)
    var hop = analysis.hop(subject, from: profile.id, to: result.resource, decision: result.decision)
    hop.resourceSide.notes = Self.absentGrants(bucket)
    if let access = result.access {
      hop.outcome = access.outcome
      hop.kms = access.kms
      hop.conditions = HopCondition.from(access.residual, hop: 0)
      return hop
    }
    if result.decision.outcome == .implicitDeny, result.kmsBlock == nil {
      addNearMisses(to: &hop, subject, bucket: bucket, resource: result.resource, decision: result.decision)
    }
    if result.blockedByPublicAccess {
      hop.failingLayers.insert(.blockPublicAccess, at: 0)
      hop.fixes.insert(contentsOf: analysis.fixes(for: .blockPublicAccess, subject, result.decision), at: 0)
    }
    if let kms = result.kmsBlock {
      hop.outcome = .implicitDeny
      hop.failingLayers = []
      hop.fixes = []
      addKeyFailure(kms, to: &hop, profile: profile, bucket: bucket)
    } else if result.decision.outcome != .explicitDeny,
      let kms = probe.kmsUse(profile, bucket: bucket, action: action), !kms.permits
    {
      addKeyFailure(kms, to: &hop, profile: profile, bucket: bucket)
    }
    return hop
  }

  /// Names the statements that almost grant the request in the failing layers; an actionable one
  /// (a misspelled principal, a bucket ARN without `/*`) replaces the generic "must allow" fix.
  private func addNearMisses(
    to hop: inout ExplainedHop, _ subject: HopAnalysis.Subject, bucket: Bucket, resource: String,
    decision: Decision
  ) {
    let nearMiss = NearMiss(
      directory: graph.directory, caller: subject.caller, action: subject.action, resource: resource,
      bucketArn: bucket.arn)
    for layer in hop.failingLayers {
      let specific: [String]
      switch layer {
      case .resource:
        specific = nearMiss.resourcePolicy(bucket.policy, owner: "bucket owner \(bucket.account)")
      case .identity: specific = nearMiss.identityPolicies()
      default: continue
      }
      let generic = HopAnalysis(graph: graph).fixes(for: layer, subject, decision)
      NearMiss.merge(specific, replacing: generic, in: &hop.fixes)
    }
  }

  /// Adds a failing SSE-KMS key check to a final hop: the key layers that fail and their fixes.
  private func addKeyFailure(
    _ kms: KMSUse, to hop: inout ExplainedHop, profile: PrincipalProfile, bucket: Bucket
  ) {
    hop.kms = kms
    if kms.status == .awsManagedKeyCrossAccount {
      hop.failingLayers.append(.kmsKeyPolicy)
      hop.fixes.append(
        "bucket owner \(bucket.account) must encrypt with a customer managed key: the AWS managed key \(kms.key) never works across accounts"
      )
      return
    }
    let analysis = HopAnalysis(graph: graph)
    let keySubject = HopAnalysis.Subject(
      hop: 0, caller: profile, action: kms.action, resourcePattern: kms.key,
      resourceAccount: ARNParts.account(of: kms.key),
      resourceLayer: .kmsKeyPolicy, resourcePolicyName: "the key policy of \(kms.key)",
      ownerTitle: "key owner")
    let decision = Decision(outcome: .implicitDeny, layers: kms.evidence, residual: kms.residual)
    var layers = analysis.failing(keySubject, decision).map { $0 == .resource ? .kmsKeyPolicy : $0 }
    if !layers.contains(.kmsKeyPolicy) { layers.append(.kmsKeyPolicy) }
    if profile.account == keySubject.resourceAccount, layers.contains(.identity),
      let policy = graph.directory.key(kms.key)?.policy, Self.delegatesToAccount(policy, kms.action, profile)
    {
      layers.removeAll { $0 == .kmsKeyPolicy }
    }
    let fixed = layers.filter { !hop.failingLayers.contains($0) || $0 == .identity }
    for layer in fixed where !hop.failingLayers.contains(layer) { hop.failingLayers.append(layer) }
    hop.fixes += analysis.fixes(for: fixed, keySubject, decision)
  }

  /// Whether a key policy lets IAM decide for the caller's account (`Principal` the account, as in
  /// the default "Enable IAM User Permissions" statement).
  private static func delegatesToAccount(
    _ policy: PolicyDocument, _ action: String, _ caller: PrincipalProfile
  )
    -> Bool
  {
    policy.statements.contains { statement in
      guard statement.effect == .allow, statement.action.applies(to: action) else { return false }
      if case .account = PrincipalMatch.of(statement.principal, caller: caller.caller) { return true }
      return false
    }
  }

  private func resource(_ profile: PrincipalProfile, arn: String) -> ExplainedHop {
    let directory = graph.directory
    let analysis = HopAnalysis(graph: graph)
    let action = actions.first ?? "sts:AssumeRole"
    if let role = directory.role(arn), action.lowercased().hasPrefix("sts:assumerole") {
      let decision = graph.runner.assume(profile, role: role, traced: true)
      let subject = HopAnalysis.Subject(
        hop: 0, caller: profile, action: action, resourcePattern: arn,
        resourceAccount: ARNParts.account(of: arn),
        resourceLayer: .trust, resourcePolicyName: "the trust policy of \(arn)", ownerTitle: "role owner")
      var hop = analysis.hop(subject, from: profile.id, to: arn, decision: decision)
      if decision.outcome == .implicitDeny {
        let nearMiss = NearMiss(
          directory: directory, caller: profile, action: action, resource: arn, bucketArn: nil)
        if hop.failingLayers.contains(.trust) {
          NearMiss.merge(
            nearMiss.resourcePolicy(role.trustPolicy, owner: "role owner \(subject.resourceAccount ?? "?")"),
            replacing: analysis.fixes(for: .trust, subject, decision), in: &hop.fixes)
        }
        if hop.failingLayers.contains(.identity) {
          NearMiss.merge(
            nearMiss.identityPolicies(), replacing: analysis.fixes(for: .identity, subject, decision),
            in: &hop.fixes)
        }
      }
      return hop
    }
    if let key = directory.key(arn) {
      let decision = graph.runner.resourceRequest(
        profile, action: action, resource: key.arn, resourceAccount: key.account,
        resourcePolicy: directory.keyPolicy(of: key),
        kind: .keyPolicy, traced: true)
      let subject = HopAnalysis.Subject(
        hop: 0, caller: profile, action: action, resourcePattern: key.arn, resourceAccount: key.account,
        resourceLayer: .kmsKeyPolicy, resourcePolicyName: "the key policy of \(key.arn)",
        ownerTitle: "key owner")
      return analysis.hop(subject, from: profile.id, to: arn, decision: decision)
    }
    let decision = graph.runner.identityOnly(profile, action: action, resource: arn, traced: true)
    let subject = HopAnalysis.Subject(
      hop: 0, caller: profile, action: action, resourcePattern: arn,
      resourceAccount: ARNParts.account(of: arn),
      resourceLayer: .resource, resourcePolicyName: "the resource policy of \(arn)",
      ownerTitle: "resource owner")
    return analysis.hop(subject, from: profile.id, to: arn, decision: decision)
  }

  /// What the bucket lacks as evidence for its side: no policy, no ACL grant.
  static func absentGrants(_ bucket: Bucket) -> [String] {
    guard bucket.policy == nil else { return [] }
    var notes = [
      bucket.unrecordedSettings.contains(.policy)
        ? "bucket policy not recorded in the snapshot" : "no bucket policy"
    ]
    if bucket.objectOwnership == "BucketOwnerEnforced" {
      notes.append("no ACL grant (ACLs disabled by BucketOwnerEnforced)")
    } else if bucket.aclGrants.isEmpty, !bucket.unrecordedSettings.contains(.acl) {
      notes.append("no ACL grant")
    }
    return notes
  }

  /// The object pattern a fix should grant for a prefix: the folder it is in (`foo/report.csv` →
  /// `foo/*`), or the prefix with `*` when it names no folder.
  static func grantPattern(_ bucket: Bucket, _ prefix: String) -> String {
    guard let slash = prefix.lastIndex(of: "/") else { return "\(bucket.arn)/\(prefix)*" }
    return "\(bucket.arn)/\(prefix[...slash])*"
  }

  private func unknownTarget(_ profile: PrincipalProfile, reason: String) -> ExplainedHop {
    ExplainedHop(
      hop: 0, from: profile.id, to: target.text, action: actions.first ?? "", outcome: .implicitDeny,
      failingLayers: [.resource], callerSide: .init(account: profile.account, layers: []),
      resourceSide: .init(account: nil, layers: []), kms: nil, conditions: [], fixes: [reason])
  }
}
