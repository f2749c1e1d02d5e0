import Authorization
import PolicyLanguage

/// The answer of `explain`: for an allowed request the chains and the statements allowing each hop;
/// for a denied one every candidate chain with the first hop that fails, the failing layer, the
/// deciding statements of each account side by side, and what to change on which side.
public struct Explanation: Sendable {
  public var principal: String
  public var target: QueryTarget
  public var actions: [String]
  /// `allow`, `conditional`, or `implicitDeny`/`explicitDeny` when no chain works.
  public var outcome: Decision.Outcome
  /// Allowed chains (when allowed), else the candidate chains; shortest first.
  public var chains: [ExplainedChain]
  public var notes: [String]

  /// Whether some chain works (possibly under conditions).
  public var isAllowed: Bool { outcome == .allow || outcome == .conditional }
}

/// One chain `[principal, role, …]` with each hop evaluated up to (and including) the first failing one.
public struct ExplainedChain: Sendable {
  public var nodes: [String]
  /// Hops in chain order: hop 1 … n (AssumeRole / via-service), then hop 0 (the final request).
  public var hops: [ExplainedHop]
  public var outcome: Decision.Outcome
  /// The hop number that fails (0 = the final request), nil when the chain works.
  public var failingHop: Int?
}

/// One evaluated hop.
public struct ExplainedHop: Sendable {
  /// 0 = the final request, n = the n-th AssumeRole.
  public var hop: Int
  public var from: String
  /// The role assumed, or the target resource.
  public var to: String
  /// `sts:AssumeRole`, `iam:PassRole+codebuild.amazonaws.com`, or the S3 action.
  public var action: String
  public var outcome: Decision.Outcome
  /// The layers that fail the hop (empty when it passes).
  public var failingLayers: [FailingLayer]
  /// The caller's account and its layers (SCP, identity, boundary, session).
  public var callerSide: Side
  /// The resource owner's account and its layers (RCP, resource/trust/key policy).
  public var resourceSide: Side
  /// The SSE-KMS key check of a final S3 request, when the bucket uses one.
  public var kms: KMSUse?
  public var conditions: [HopCondition]
  /// What to change, each naming the side (account) that must do it.
  public var fixes: [String]

  /// One account's part of a decision.
  public struct Side: Sendable {
    public var account: String?
    public var layers: [LayerResult]
    /// What the side has in place of statements: `no bucket policy`, `no ACL grant (ACLs disabled by
    /// BucketOwnerEnforced)`.
    public var notes: [String] = []
  }
}

/// The layer that fails a hop, as explain names it.
public enum FailingLayer: String, Sendable, Hashable, Codable {
  case scp
  case rcp
  case identity
  case resource
  case trust
  case boundary
  case session
  case kmsKeyPolicy = "kms-key-policy"
  case blockPublicAccess = "block-public-access"
}
