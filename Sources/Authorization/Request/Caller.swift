import PolicyLanguage

/// Who makes a request: an IAM user, a role session, an account root, a service, or nobody (anonymous).
public struct Caller: Sendable, Hashable {
  /// The kinds of caller AWS distinguishes when it evaluates policies.
  public enum Kind: String, Sendable, Hashable, Codable {
    case user
    /// A session of a role (`assumed-role`); `arn` is the role's ARN, `sessionArn` the session's.
    case role
    case federatedUser = "federated"
    case accountRoot = "account-root"
    case service
    case anonymous
  }

  public var kind: Kind
  /// The principal ARN as `aws:PrincipalArn` sees it (a role's ARN for its sessions), a service
  /// principal name for services, `*` for anonymous callers.
  public var arn: String
  /// For role sessions: `arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION`.
  public var sessionArn: String?
  public var account: String?
  /// The unique id (`AIDA…`, `AROA…`) when known; `aws:userid` derives from it.
  public var uniqueId: String?
  /// Principal tags (`aws:PrincipalTag/…`).
  public var tags: [String: String]
  /// The caller's organization id (`aws:PrincipalOrgID`), when the snapshot knows it.
  public var organizationId: String?
  /// The caller's organization paths (`aws:PrincipalOrgPaths`), when known.
  public var organizationPaths: [String]
  /// Service-linked roles are not restricted by SCPs.
  public var isServiceLinkedRole: Bool
  /// Principals of the management account are not restricted by SCPs.
  public var isInManagementAccount: Bool

  public init(
    kind: Kind, arn: String, sessionArn: String? = nil, account: String? = nil, uniqueId: String? = nil,
    tags: [String: String] = [:], organizationId: String? = nil, organizationPaths: [String] = [],
    isServiceLinkedRole: Bool = false, isInManagementAccount: Bool = false
  ) {
    self.kind = kind
    self.arn = arn
    self.sessionArn = sessionArn
    self.account = account
    self.uniqueId = uniqueId
    self.tags = tags
    self.organizationId = organizationId
    self.organizationPaths = organizationPaths
    self.isServiceLinkedRole = isServiceLinkedRole
    self.isInManagementAccount = isInManagementAccount
  }
}
