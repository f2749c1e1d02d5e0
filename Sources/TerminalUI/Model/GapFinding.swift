/// How bad a finding is, lowest first.
public enum GapSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
  case info, low, medium, high, critical

  public static func < (lhs: GapSeverity, rhs: GapSeverity) -> Bool {
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }
}

/// One finding of the gaps analysis, with what it concerns so Enter can jump there.
public struct GapFinding: Sendable, Hashable {
  /// The stable rule id.
  public var ruleID: String
  public var severity: GapSeverity
  public var title: String
  /// The principal concerned (ARN), if any.
  public var principal: String?
  /// The bucket or prefix concerned, if any.
  public var target: TargetRef?
  /// The access level concerned, if any (used when jumping to a path).
  public var level: AccessLevel?
  /// What to change, on which side.
  public var fix: String

  public init(
    ruleID: String, severity: GapSeverity, title: String, principal: String? = nil, target: TargetRef? = nil,
    level: AccessLevel? = nil, fix: String
  ) {
    self.ruleID = ruleID
    self.severity = severity
    self.title = title
    self.principal = principal
    self.target = target
    self.level = level
    self.fix = fix
  }
}
