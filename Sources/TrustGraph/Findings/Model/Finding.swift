import Authorization

/// How urgent a finding is, from `critical` (act now) to `info`.
public enum FindingSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case critical
  case high
  case medium
  case low
  case info

  /// 4 for `critical` down to 0 for `info`.
  public var rank: Int {
    switch self {
    case .critical: return 4
    case .high: return 3
    case .medium: return 2
    case .low: return 1
    case .info: return 0
    }
  }

  public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// One gap found in a snapshot: which rule, how bad, who and what is involved, the statements that
/// show it, and what to change.
public struct Finding: Sendable, Hashable {
  public var rule: FindingRule
  public var severity: FindingSeverity
  /// One sentence naming the principals, resources and accounts concerned.
  public var message: String
  /// Every account involved (owner of the resource first).
  public var accounts: [String]
  /// Principal ARNs (or account roots, service names, `*`) involved.
  public var principals: [String]
  /// Resource ARNs involved (buckets, roles, keys).
  public var resources: [String]
  /// The statements that show the gap, from each side.
  public var evidence: [StatementEvidence]
  /// Facts that are not statements (`ObjectOwnership: ObjectWriter`, an ACL grant), with their files.
  public var details: [FindingDetail]
  /// What to change, and on which side.
  public var fix: String

  public init(
    rule: FindingRule, severity: FindingSeverity? = nil, message: String, accounts: [String],
    principals: [String], resources: [String], evidence: [StatementEvidence], details: [FindingDetail] = [],
    fix: String
  ) {
    self.rule = rule
    self.severity = severity ?? rule.defaultSeverity
    self.message = message
    self.accounts = Self.unique(accounts)
    self.principals = Self.unique(principals)
    self.resources = Self.unique(resources)
    self.evidence = evidence
    self.details = details
    self.fix = fix
  }

  /// `values` without repeats, in first-seen order.
  private static func unique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
  }

  /// Orders findings most severe first, then by rule, resource and message (stable output).
  public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
    if lhs.rule.id != rhs.rule.id { return lhs.rule.id < rhs.rule.id }
    let left = lhs.resources.first ?? ""
    let right = rhs.resources.first ?? ""
    if left != right { return left < right }
    return lhs.message < rhs.message
  }
}

/// A fact behind a finding that is not a policy statement, and the snapshot file that records it.
public struct FindingDetail: Sendable, Hashable {
  public var text: String
  /// The file that records the fact, when known.
  public var file: String?

  public init(_ text: String, file: String? = nil) {
    self.text = text
    self.file = file
  }
}
