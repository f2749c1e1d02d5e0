import Authorization

/// The answer of `canWhat`: every role a principal can become, and every bucket it can use (directly
/// or as one of those roles) with access levels, prefix coverage and the chain that gives it.
public struct CanWhatResult: Sendable {
  public var principal: String
  public var kind: GraphNode.Kind?
  public var account: String?
  /// Shortest chains first.
  public var roles: [ReachedRole]
  /// Ordered by bucket name.
  public var buckets: [BucketAccess]
  public var notes: [String]
}

/// A role the principal can become.
public struct ReachedRole: Sendable {
  public var role: String
  public var account: String?
  /// `[principal, …, role]`.
  public var chain: [String]
  public var conditional: Bool
  /// Conditions per hop (n = the n-th hop of `chain`).
  public var conditions: [HopCondition]
}

/// What the principal can do in one bucket.
public struct BucketAccess: Sendable {
  public var bucket: String
  public var account: String
  public var levels: [LevelAccess]
}

/// One access level in one bucket, through the shortest chain that gives it.
public struct LevelAccess: Sendable {
  public var level: AccessLevel
  public var actions: [String]
  public var coverage: CoverageResult.Kind
  public var patterns: [String]
  public var conditional: Bool
  public var conditions: [HopCondition]
  /// `[principal, …, acting identity]`; one element = direct.
  public var chain: [String]
  /// Per action: coverage, evidence, KMS use.
  public var access: [ActionAccess]
}
