import Authorization
import PolicyLanguage

/// The answer of `whoCan`: every principal that can perform at least one of the actions on the
/// target, directly or through assume-role chains, and the ones an SSE-KMS key stops.
public struct WhoCanResult: Sendable {
  public var target: QueryTarget
  public var actions: [String]
  /// Shortest chains first within each entry; entries ordered direct first, then by chain length and ARN.
  public var principals: [WhoCanEntry]
  /// Principals whose S3 request would pass but who cannot use the bucket's KMS key: not access.
  public var blocked: [BlockedAccess]
  /// Things the answer could not decide (missing bucket, missing policies, keys not in the snapshot).
  public var notes: [String]
}

/// One principal of a who-can answer.
public struct WhoCanEntry: Sendable {
  public var principal: String
  public var kind: GraphNode.Kind
  public var account: String?
  /// The actions the principal can perform (through its best chain).
  public var actions: [String]
  /// `all` when every listed action covers every key under the prefix, else `some`.
  public var coverage: CoverageResult.Kind
  /// The patterns that grant under the prefix (for `some`, the covered part).
  public var patterns: [String]
  public var conditional: Bool
  /// Conditions, each with its hop (0 = the final S3 request, n = the n-th AssumeRole).
  public var conditions: [HopCondition]
  /// Chains from the principal to a principal with direct access; `chains[0]` is a shortest one.
  /// A chain of one element means direct access.
  public var chains: [[String]]
  /// Per action: coverage, evidence, KMS use — of the final request of `chains[0]`.
  public var access: [ActionAccess]
  /// True when the principal is not in the snapshot (an external account or principal a policy names).
  public var isExternal: Bool

  /// For `some`: the deny patterns that cut into the prefix, over every action (what is not covered).
  public var excluded: [String] {
    var excluded: [String] = []
    for pattern in access.flatMap(\.excluded) where !excluded.contains(pattern) { excluded.append(pattern) }
    return excluded
  }

  /// The layers and statements that decide the final request of `chains[0]` (its first action; the
  /// other actions' are in `access`).
  public var evidence: [LayerResult] { access.first?.evidence ?? [] }

  /// Whether the principal acts directly (its shortest chain is itself).
  public var isDirect: Bool { chains.first?.count == 1 }
}

/// A condition the snapshot cannot decide, located on the hop it belongs to.
public struct HopCondition: Sendable, Hashable {
  /// 0 = the final request on the target; n = the n-th AssumeRole of the chain.
  public var hop: Int
  public var key: String
  public var op: String
  public var values: [String]
  /// True when the condition belongs to a Deny the caller must avoid (rather than an Allow to satisfy).
  public var avoid: Bool

  public init(hop: Int, key: String, op: String, values: [String], avoid: Bool = false) {
    self.hop = hop
    self.key = key
    self.op = op
    self.values = values
    self.avoid = avoid
  }

  /// Every condition of a residual, on `hop`.
  static func from(_ residual: Residual, hop: Int) -> [HopCondition] {
    var result: [HopCondition] = []
    for (alternatives, avoid) in [(residual.allowIf, false), (residual.denyIf, true)] {
      for alternative in alternatives {
        for condition in alternative {
          let item = HopCondition(
            hop: hop, key: condition.key, op: condition.op.raw, values: condition.values, avoid: avoid)
          if !result.contains(item) { result.append(item) }
        }
      }
    }
    return result
  }
}

/// A principal whose S3 request would be allowed but whose use of the bucket's KMS key is not.
public struct BlockedAccess: Sendable {
  public var principal: String
  public var actions: [String]
  public var kms: KMSUse
  public var chains: [[String]]
}
