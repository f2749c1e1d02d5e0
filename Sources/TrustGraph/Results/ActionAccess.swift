import Authorization
import PolicyLanguage

/// One principal's access for one action on a target, as the final request of a chain.
public struct ActionAccess: Sendable, Hashable {
  public var action: String
  /// `allow` or `conditional`.
  public var outcome: Decision.Outcome
  /// `all` or `some` keys under the target prefix (bucket-level actions: `all`).
  public var coverage: CoverageResult.Kind
  /// The allow patterns that reach under the prefix (for `some`: the part that is covered).
  public var patterns: [String]
  /// For `some`: the patterns of unconditional denies that cut into the prefix (what is not covered).
  public var excluded: [String]
  /// The layers and statements that decided the request (at a representative key for prefixes).
  public var evidence: [LayerResult]
  public var residual: Residual
  /// The SSE-KMS key the action needs, and whether the principal may use it.
  public var kms: KMSUse?

  public init(
    action: String, outcome: Decision.Outcome, coverage: CoverageResult.Kind, patterns: [String],
    excluded: [String] = [], evidence: [LayerResult], residual: Residual, kms: KMSUse? = nil
  ) {
    self.action = action
    self.outcome = outcome
    self.coverage = coverage
    self.patterns = patterns
    self.excluded = excluded
    self.evidence = evidence
    self.residual = residual
    self.kms = kms
  }
}

/// What SSE-KMS asks of an S3 request: `kms:Decrypt` to read, `kms:GenerateDataKey` to write.
public struct KMSUse: Sendable, Hashable {
  /// Whether the principal may use the key for the action.
  public enum Status: String, Sendable, Hashable, Codable {
    case allowed
    case conditional
    case denied
    /// The bucket names a key the snapshot does not hold: the key policy cannot be checked.
    case keyNotInSnapshot = "key-not-in-snapshot"
    /// An AWS managed key (`aws/s3`) never works across accounts.
    case awsManagedKeyCrossAccount = "aws-managed-key-cross-account"
  }

  /// `kms:Decrypt` or `kms:GenerateDataKey`.
  public var action: String
  /// The key ARN (or the id or alias the bucket names when the key is not in the snapshot).
  public var key: String
  public var status: Status
  public var evidence: [LayerResult]
  public var residual: Residual

  public init(
    action: String, key: String, status: Status, evidence: [LayerResult] = [], residual: Residual = Residual()
  ) {
    self.action = action
    self.key = key
    self.status = status
    self.evidence = evidence
    self.residual = residual
  }

  /// Whether the key lets the request through (at least under conditions).
  public var permits: Bool { status != .denied && status != .awsManagedKeyCrossAccount }
}
