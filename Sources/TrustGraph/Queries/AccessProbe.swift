import Authorization
import Inventory
import PolicyLanguage

/// Decides one principal's access for one S3 action on a bucket, a prefix or one key: the evaluator
/// answers at representative keys, exact prefix coverage says how much of the prefix is covered,
/// and SSE-KMS is checked on the bucket's key.
struct AccessProbe {
  let runner: RequestRunner
  /// Whether denied requests are evaluated again with a trace (explain needs it, who-can does not).
  var traceDenials = true
  /// Witness keys found so far (principals share policies, so the same pattern pairs recur).
  let witnessMemo = WitnessMemo()
  /// Effective bucket policies, compiled once per query.
  let bucketPolicies = EffectivePolicyMemo()
  /// Key checks done so far: every S3 action that needs the same KMS action asks the same question.
  let keyUses = KeyUseMemo()
  var directory: Directory { runner.directory }

  /// The outcome of probing one action.
  struct Result {
    /// The access when the S3 request (and the KMS key) let it through.
    var access: ActionAccess?
    /// The deciding S3 evaluation (traced), also when denied.
    var decision: Decision
    /// The resource ARN the deciding request used.
    var resource: String
    /// True when Block Public Access (RestrictPublicBuckets) cut the bucket policy's grants for this caller.
    var blockedByPublicAccess: Bool
    /// The key check when the S3 side allowed but the key did not.
    var kmsBlock: KMSUse?
  }

  func probe(_ profile: PrincipalProfile, bucket: Bucket, prefix: String, exact: Bool, action: String)
    -> Result
  {
    let rules = BucketRules(
      bucket: bucket, accountBlock: directory.account(bucket.account)?.publicAccessBlock,
      canonicalAccounts: directory.canonicalAccounts)
    let (policy, bpaBlocked) = bucketPolicies.policy(rules, for: profile.caller)
    var result: Result
    if AccessLevel.isBucketLevel(action) {
      result = bucketLevel(profile, bucket: bucket, policy: policy, prefix: prefix, action: action)
    } else {
      result = objectLevel(
        profile, bucket: bucket, policy: policy, prefix: prefix, exact: exact, action: action)
    }
    result.blockedByPublicAccess = bpaBlocked && result.access == nil
    guard var access = result.access, let kms = kmsUse(profile, bucket: bucket, action: action) else {
      return result
    }
    access.kms = kms
    if kms.permits {
      if kms.status != .allowed { access.outcome = .conditional }
      access.residual.allowIf = Self.both(access.residual.allowIf, kms.residual.allowIf)
      result.access = access
    } else {
      result.access = nil
      result.kmsBlock = kms
    }
    return result
  }

  /// Alternatives that must both hold (either list empty: no condition from that side).
  static func both(_ first: [[Condition]], _ second: [[Condition]]) -> [[Condition]] {
    guard !first.isEmpty else { return second }
    guard !second.isEmpty else { return first }
    return first.flatMap { a in second.map { b in a + b } }
  }

  // MARK: Bucket-level actions

  private func bucketLevel(
    _ profile: PrincipalProfile, bucket: Bucket, policy: CompiledPolicy?, prefix: String, action: String
  ) -> Result {
    let isList = action.lowercased().hasPrefix("s3:listbucket")
    func run(_ listPrefix: String?, traced: Bool) -> Decision {
      runner.resourceRequest(
        profile, action: action, resource: bucket.arn, resourceAccount: bucket.account,
        resourcePolicy: policy,
        kind: .bucket, values: listPrefix.map { ["s3:prefix": [$0]] } ?? [:], traced: traced)
    }
    let whole = run(isList ? prefix : nil, traced: true)
    guard isList else {
      return Result(
        access: whole.mayBeAllowed ? access(action, whole, .all, [bucket.arn]) : nil, decision: whole,
        resource: bucket.arn, blockedByPublicAccess: false)
    }
    // Listing with `s3:prefix` = q returns every key that starts with q. Every key under `prefix`
    // is listable exactly when some q that `prefix` starts with may be listed (the key `prefix`
    // itself has no other); some are when a q that starts with `prefix` may be.
    var all: (decision: Decision, value: String)?
    for value in ListingWitnesses.prefixes(of: prefix) where all?.decision.outcome != .allow {
      let decision = value == prefix ? whole : run(value, traced: true)
      if decision.outcome == .allow || (decision.mayBeAllowed && all == nil) { all = (decision, value) }
    }
    if let all {
      return Result(
        access: access(
          action, all.decision, .all, [all.value == prefix ? bucket.arn : "s3:prefix \"\(all.value)\""]),
        decision: all.decision, resource: bucket.arn, blockedByPublicAccess: false)
    }
    let variables = ResourceVariables { [runner] in
      runner.callerContext(profile, resource: bucket.arn, resourceAccount: bucket.account)
    }
    let witnesses = ListingWitnesses(profile: profile, policy: policy, action: action, variables: variables)
    for (value, pattern) in witnesses.values(under: prefix) {
      let decision = run(value, traced: true)
      if decision.mayBeAllowed {
        return Result(
          access: access(action, decision, .some, ["s3:prefix " + pattern]), decision: decision,
          resource: bucket.arn, blockedByPublicAccess: false)
      }
    }
    return Result(access: nil, decision: whole, resource: bucket.arn, blockedByPublicAccess: false)
  }

  // MARK: Object-level actions

  private func objectLevel(
    _ profile: PrincipalProfile, bucket: Bucket, policy: CompiledPolicy?, prefix: String, exact: Bool,
    action: String
  ) -> Result {
    let arnPrefix = "\(bucket.arn)/\(prefix)"
    func run(_ resource: String, traced: Bool) -> Decision {
      runner.resourceRequest(
        profile, action: action, resource: resource, resourceAccount: bucket.account, resourcePolicy: policy,
        kind: .bucket, traced: traced)
    }
    if exact {
      let decision = run(arnPrefix, traced: true)
      return Result(
        access: decision.mayBeAllowed ? access(action, decision, .all, [arnPrefix]) : nil, decision: decision,
        resource: arnPrefix, blockedByPublicAccess: false)
    }
    let sides = CoverageSides(
      profile: profile, bucket: bucket, policy: policy?.document, action: action,
      context: { [runner] in
        runner.callerContext(profile, resource: arnPrefix, resourceAccount: bucket.account)
      })
    func denied(_ resource: String) -> Result {
      let decision = traceDenials ? run(resource, traced: true) : Decision(outcome: .implicitDeny)
      return Result(access: nil, decision: decision, resource: resource, blockedByPublicAccess: false)
    }
    guard sides.mayReach(arnPrefix) || traceDenials else { return denied(arnPrefix) }
    var best: (decision: Decision, resource: String)?
    func tryWitnesses(_ keys: [String]) {
      for witness in keys where best?.decision.outcome != .allow {
        let decision = run(witness, traced: false)
        if decision.outcome == .allow || (decision.outcome == .conditional && best == nil) {
          best = (decision, witness)
        }
      }
    }
    tryWitnesses(witnesses(sides: sides, prefix: arnPrefix))
    var coverage: CoverageResult?
    if best == nil, !sides.denied.isEmpty || traceDenials {
      let exact = PrefixCoverage.evaluate(prefix: arnPrefix, required: sides.required, denied: sides.denied)
      coverage = exact
      tryWitnesses([exact.coveredExample].compactMap { $0 })
    }
    guard let best else { return denied(coverage?.coveredExample ?? arnPrefix) }
    if let kms = kmsUse(profile, bucket: bucket, action: action), !kms.permits, !traceDenials {
      return Result(
        access: nil, decision: best.decision, resource: best.resource, blockedByPublicAccess: false,
        kmsBlock: kms)
    }
    let exact =
      coverage ?? PrefixCoverage.evaluate(prefix: arnPrefix, required: sides.required, denied: sides.denied)
    let traced = run(best.resource, traced: true)
    let kind: CoverageResult.Kind = exact.kind == .none ? .some : exact.kind
    let narrowest =
      sides.unitedSides.map { Self.specificPatterns($0, prefix: arnPrefix, kind: kind) }
      ?? Self.narrowestPatterns(sides.required, prefix: arnPrefix)
    let patterns =
      narrowest.isEmpty ? (exact.patterns.isEmpty ? [best.resource] : exact.patterns) : narrowest
    var granted = access(action, traced, kind, patterns)
    if kind == .some {
      granted.excluded = sides.denied.filter {
        PrefixCoverage.evaluate(prefix: arnPrefix, required: [[$0]], denied: []).kind != .none
      }.flatMap { element in element.patterns.map { (element.negated ? "NotResource " : "") + $0.pattern } }
    }
    return Result(access: granted, decision: traced, resource: best.resource, blockedByPublicAccess: false)
  }

  /// The patterns of the narrowest side that reach under the prefix: when both sides must allow, the
  /// grant is the narrower one (a side covering only some keys, else the more specific patterns).
  static func narrowestPatterns(_ groups: [[ResourceElement]], prefix: String) -> [String] {
    var best: (rank: (Int, Int), patterns: [String])?
    for group in groups where !group.isEmpty {
      let alone = PrefixCoverage.evaluate(prefix: prefix, required: [group], denied: [])
      guard alone.kind != .none, !alone.patterns.isEmpty else { continue }
      let literal =
        alone.patterns.map { $0.prefix { $0 != "*" && $0 != "?" }.count }.reduce(0, +) / alone.patterns.count
      let rank = (alone.kind == .some ? 1 : 0, literal)
      if best == nil || rank > best!.rank { best = (rank, alone.patterns) }
    }
    return best?.patterns ?? []
  }

  /// For sides that each grant alone: the patterns of the most specific side that alone gives the
  /// overall coverage `kind`.
  static func specificPatterns(_ sides: [[ResourceElement]], prefix: String, kind: CoverageResult.Kind)
    -> [String]
  {
    var best: (literal: Int, patterns: [String])?
    var all: [String] = []
    for side in sides where !side.isEmpty {
      let alone = PrefixCoverage.evaluate(prefix: prefix, required: [side], denied: [])
      all += alone.patterns.filter { !all.contains($0) }
      guard alone.kind == kind, !alone.patterns.isEmpty else { continue }
      let literal =
        alone.patterns.map { $0.prefix { $0 != "*" && $0 != "?" }.count }.reduce(0, +) / alone.patterns.count
      if best == nil || literal > best!.literal { best = (literal, alone.patterns) }
    }
    return best?.patterns ?? all
  }

  private func witnesses(sides: CoverageSides, prefix: String) -> [String] {
    var result: [String] = []
    func add(_ key: String?) {
      if let key, !result.contains(key) { result.append(key) }
    }
    let groups = sides.required.map { group in group.filter { !$0.negated }.flatMap(\.patterns).map(\.pattern)
    }
    let first = groups.first ?? []
    let second = groups.count > 1 ? groups[1] : []
    for a in first.prefix(8) {
      if second.isEmpty { add(witnessMemo.key(prefix: prefix, matching: [a])) }
      for b in second.prefix(8) { add(witnessMemo.key(prefix: prefix, matching: [a, b])) }
    }
    if result.isEmpty { add(prefix) }
    return result
  }

  private func access(
    _ action: String, _ decision: Decision, _ coverage: CoverageResult.Kind, _ patterns: [String]
  )
    -> ActionAccess
  {
    ActionAccess(
      action: action, outcome: decision.outcome, coverage: coverage, patterns: patterns,
      evidence: decision.layers,
      residual: decision.residual)
  }

  // MARK: SSE-KMS

  func kmsUse(_ profile: PrincipalProfile, bucket: Bucket, action: String) -> KMSUse? {
    guard let encryption = bucket.encryption, encryption.algorithm.hasPrefix("aws:kms"),
      let keyId = encryption.kmsKeyId
    else { return nil }
    let name = action.lowercased()
    let kmsAction: String
    if ["s3:getobject", "s3:getobjectversion"].contains(name) {
      kmsAction = "kms:Decrypt"
    } else if ["s3:putobject", "s3:replicateobject"].contains(name) {
      kmsAction = "kms:GenerateDataKey"
    } else {
      return nil
    }
    return keyUses.use(profile.caller, key: keyId, action: kmsAction) {
      keyUse(profile, keyId: keyId, kmsAction: kmsAction, bucketAccount: bucket.account)
    }
  }

  /// Whether `profile` may use the key `keyId` for `kmsAction` (key policy and the caller's side).
  private func keyUse(_ profile: PrincipalProfile, keyId: String, kmsAction: String, bucketAccount: String)
    -> KMSUse
  {
    let shortId = keyId.split(separator: "/").last.map(String.init) ?? keyId
    guard let key = directory.key(keyId) ?? directory.key(shortId) else {
      // Across accounts the caller's own policies must allow the key too: without that, no key
      // policy can help (a key ARN is needed to ask them).
      if keyId.hasPrefix("arn:"), let owner = ARNParts.account(of: keyId), owner != profile.account,
        !UnresolvedKey.isAWSManagedS3Alias(keyId)
      {
        let callerSide = runner.identityOnly(
          profile, action: kmsAction, resource: keyId, callerSideOnly: true, traced: true)
        if !callerSide.mayBeAllowed {
          // The key policy is unknown (not in the snapshot): a resource layer that decides nothing.
          let keySide = LayerResult(layer: .resource, outcome: .conditional, statements: [])
          return KMSUse(
            action: kmsAction, key: keyId, status: .denied, evidence: callerSide.layers + [keySide])
        }
      }
      return UnresolvedKey.use(
        keyId, action: kmsAction, callerAccount: profile.account, bucketAccount: bucketAccount)
    }
    if key.manager == "AWS" && profile.account != key.account {
      return KMSUse(action: kmsAction, key: key.arn, status: .awsManagedKeyCrossAccount)
    }
    guard let keyPolicy = directory.keyPolicy(of: key) else {
      return UnresolvedKey.use(
        key.arn, action: kmsAction, callerAccount: profile.account, bucketAccount: bucketAccount)
    }
    let decision = runner.resourceRequest(
      profile, action: kmsAction, resource: key.arn, resourceAccount: key.account, resourcePolicy: keyPolicy,
      kind: .keyPolicy, traced: true)
    let status: KMSUse.Status =
      switch decision.outcome {
      case .allow: .allowed
      case .conditional: .conditional
      case .implicitDeny, .explicitDeny: .denied
      }
    return KMSUse(
      action: kmsAction, key: key.arn, status: status, evidence: decision.layers, residual: decision.residual)
  }
}
