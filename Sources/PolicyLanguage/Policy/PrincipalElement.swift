/// The `Principal` (or `NotPrincipal`) element of a resource-based policy.
public struct PrincipalElement: Sendable, Hashable {
  /// True for `NotPrincipal`.
  public var negated: Bool
  /// Every entry, OR'ed.
  public var entries: [PrincipalReference]

  public init(negated: Bool, entries: [PrincipalReference]) {
    self.negated = negated
    self.entries = entries
  }
}

/// One principal named by a policy, classified by form.
public enum PrincipalReference: Sendable, Hashable {
  /// `"*"` or `{"AWS": "*"}`: everyone, anonymous callers included.
  case everyone
  /// `"123456789012"` or `arn:aws:iam::123456789012:root`: the account, i.e. any principal of it
  /// that the account's own policies also allow.
  case account(id: String)
  /// `arn:aws:iam::ACCOUNT:user/PATH/NAME`.
  case user(arn: String, account: String)
  /// `arn:aws:iam::ACCOUNT:role/PATH/NAME`: every session of the role.
  case role(arn: String, account: String)
  /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`: one session.
  case assumedRole(arn: String, account: String, roleName: String, sessionName: String)
  /// `arn:aws:sts::ACCOUNT:federated-user/NAME`.
  case federatedUser(arn: String, account: String)
  /// A bare unique id (`AIDA…`, `AROA…`): a deleted principal; matches nobody.
  case uniqueId(String)
  /// `{"Service": "codebuild.amazonaws.com"}`.
  case service(String)
  /// `{"Federated": …}`: a SAML or OIDC provider ARN, or a web identity provider such as `accounts.google.com`.
  case federatedProvider(String)
  /// `{"CanonicalUser": "<64 hex>"}` (S3 only): an account by its canonical id.
  case canonicalUser(String)
  /// Something that is no valid principal (kept so that evidence can show it; matches nobody).
  case unrecognized(String)

  /// The text as written (ARN, account id, service name, …).
  public var text: String {
    switch self {
    case .everyone: return "*"
    case .account(let id): return "arn:aws:iam::\(id):root"
    case .user(let arn, _), .role(let arn, _), .federatedUser(let arn, _): return arn
    case .assumedRole(let arn, _, _, _): return arn
    case .uniqueId(let text), .service(let text), .federatedProvider(let text), .canonicalUser(let text),
      .unrecognized(let text):
      return text
    }
  }

  /// The account the reference points into, when it names one.
  public var account: String? {
    switch self {
    case .account(let id): return id
    case .user(_, let account), .role(_, let account), .federatedUser(_, let account): return account
    case .assumedRole(_, let account, _, _): return account
    default: return nil
    }
  }
}
