/// Everything the path view shows for one (principal, target, level) question.
public struct PathReport: Sendable, Hashable {
  /// The overall answer (the best of the chains).
  public var verdict: Verdict
  /// Every chain considered, best first. A denied pair keeps the chains that came closest.
  public var chains: [AccessChain]
  /// Why a denied (or gap) pair is not allowed; `nil` for allowed pairs.
  public var explanation: DenialExplanation?

  public init(verdict: Verdict, chains: [AccessChain], explanation: DenialExplanation? = nil) {
    self.verdict = verdict
    self.chains = chains
    self.explanation = explanation
  }
}

/// One chain of hops from the principal to the target, e.g. user → role → bucket.
public struct AccessChain: Sendable, Hashable {
  public var verdict: Verdict
  public var hops: [ChainHop]

  public init(verdict: Verdict, hops: [ChainHop]) {
    self.verdict = verdict
    self.hops = hops
  }
}

/// One step of a chain: `from` does `action` on `to`, and the statements that decided it.
public struct ChainHop: Sendable, Hashable {
  /// Short labels such as `user/bobbytables`, `role/account-a-s3-role`, `s3://b/foo/`.
  public var from: String
  public var action: String
  public var to: String
  public var verdict: Verdict
  /// The deciding statements, in AWS's order of evaluation.
  public var statements: [DecidingStatement]

  public init(from: String, action: String, to: String, verdict: Verdict, statements: [DecidingStatement]) {
    self.from = from
    self.action = action
    self.to = to
    self.verdict = verdict
    self.statements = statements
  }
}

/// A policy statement that decided (part of) a hop, with its evidence.
public struct DecidingStatement: Sendable, Hashable {
  /// `Allow` or `Deny`; `nil` when the line records that *no* statement matched.
  public enum Effect: String, Sendable, Hashable { case allow = "Allow", deny = "Deny" }

  /// The policy layer and name, e.g. `bucket policy of account-b-bucket`, `identity policy S3Upload`.
  public var policy: String
  /// The Sid, or `#index` when the statement has none.
  public var sid: String?
  public var effect: Effect?
  /// Condition lines (`aws:SourceIp IpAddress 10.0.0.0/8`) that remain to be satisfied.
  public var conditions: [String]
  /// Where it came from: `file:line`.
  public var location: String?
  /// A one-line summary of what the statement grants or denies.
  public var summary: String?

  public init(
    policy: String, sid: String? = nil, effect: Effect?, conditions: [String] = [], location: String? = nil,
    summary: String? = nil
  ) {
    self.policy = policy
    self.sid = sid
    self.effect = effect
    self.conditions = conditions
    self.location = location
    self.summary = summary
  }
}

/// The explain view for a denied pair: where it fails, and what each side says and must change.
public struct DenialExplanation: Sendable, Hashable {
  /// Index into `PathReport.chains` of the chain explained.
  public var chainIndex: Int
  /// Index into that chain's hops of the hop that fails.
  public var hopIndex: Int
  /// The policy layer that says no (identity policy, bucket policy, SCP, trust policy...).
  public var layer: String
  /// One line: "no statement allows s3:GetObject on either side".
  public var summary: String
  /// The caller's account side.
  public var callerSide: PolicySide
  /// The resource owner's side.
  public var resourceSide: PolicySide
  /// What to change, on which side.
  public var fix: [String]

  public init(
    chainIndex: Int = 0, hopIndex: Int, layer: String, summary: String, callerSide: PolicySide,
    resourceSide: PolicySide, fix: [String]
  ) {
    self.chainIndex = chainIndex
    self.hopIndex = hopIndex
    self.layer = layer
    self.summary = summary
    self.callerSide = callerSide
    self.resourceSide = resourceSide
    self.fix = fix
  }
}

/// One account's statements about a denied hop, shown side by side with the other account's.
public struct PolicySide: Sendable, Hashable {
  /// `Caller 111111111111 (role/account-a-s3-role)`.
  public var title: String
  public var accountID: String
  /// What this side says, in one line ("allows only s3:PutObject, s3:PutObjectAcl").
  public var verdictLine: String
  public var statements: [DecidingStatement]

  public init(title: String, accountID: String, verdictLine: String, statements: [DecidingStatement]) {
    self.title = title
    self.accountID = accountID
    self.verdictLine = verdictLine
    self.statements = statements
  }
}
