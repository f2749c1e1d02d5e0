/// Identifies one question: can `principal` get `level` access to `target`?
public struct CellKey: Sendable, Hashable {
  /// The principal's ARN (`PrincipalSummary.arn`).
  public var principal: String
  public var target: TargetRef
  public var level: AccessLevel

  public init(principal: String, target: TargetRef, level: AccessLevel) {
    self.principal = principal
    self.target = target
    self.level = level
  }
}

/// One matrix cell: the verdict plus an optional short note ("some keys: foo/*", "needs aws:SourceIp").
public struct AccessCell: Sendable, Hashable {
  public var verdict: Verdict
  public var note: String?

  public init(_ verdict: Verdict, note: String? = nil) {
    self.verdict = verdict
    self.note = note
  }
}
