/// The kinds of principal the browser lists.
///
/// `account` is an account as a principal (`arn:aws:iam::ID:root`: any principal of that account
/// its own policies allow); `anonymous` is everyone (`"*"`).
public enum PrincipalKind: String, Sendable, Hashable, CaseIterable {
  case user, group, role, service, provider, account, anonymous
}

/// One principal (user, group, role, service or identity provider) of an account.
public struct PrincipalSummary: Sendable, Hashable {
  /// The full ARN (or service name such as `codebuild.amazonaws.com`): the principal's identity
  /// everywhere in the model.
  public var arn: String
  /// The short name shown in lists (`bobbytables`).
  public var name: String
  public var kind: PrincipalKind
  /// The account the principal belongs to.
  public var accountID: String
  /// Free-form lines for the detail strip, such as a trust policy summary.
  public var details: [String]

  public init(arn: String, name: String, kind: PrincipalKind, accountID: String, details: [String] = []) {
    self.arn = arn
    self.name = name
    self.kind = kind
    self.accountID = accountID
    self.details = details
  }

  /// `user/bobbytables`.
  public var label: String { "\(kind.rawValue)/\(name)" }
}
