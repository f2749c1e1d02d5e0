import PolicyLanguage

/// How a `Principal` entry named the caller. In the same account it decides what else must allow
/// (aws-authorization.md §2 step 4): a user, session or `"*"` grant suffices alone, a role grant
/// still needs the boundary and session policy, an account grant needs the identity policies too.
public enum PrincipalMatch: Int, Sendable, Hashable, Comparable, CaseIterable {
  /// The entry named the caller's account (`ACCOUNT` or `arn:…:root`).
  case account
  /// The entry named the caller's role (`arn:…:role/PATH/NAME`): every session of it.
  case role
  /// The entry named the caller's IAM user.
  case user
  /// The entry named the caller's session (`assumed-role/ROLE/SESSION`) or federated user.
  case session
  /// `"*"`, `{"AWS": "*"}`, or an `Allow` with a `NotPrincipal` that does not list the caller.
  case everyone
  /// `{"Service": …}` naming the calling service.
  case service

  /// Ordered by how little else a same-account grant of this kind needs.
  public static func < (lhs: PrincipalMatch, rhs: PrincipalMatch) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Caller {
  /// How `reference` names this caller, or nil when it does not.
  ///
  /// A role ARN names every session of the role; a session ARN only that session; an account any
  /// principal of it; a bare unique id (a deleted principal) nobody; `"*"` everyone, anonymous
  /// callers and services included. Principal ARNs compare case-sensitively.
  public func match(_ reference: PrincipalReference) -> PrincipalMatch? {
    switch reference {
    case .everyone:
      return .everyone
    case .account(let id):
      return isAuthenticatedPrincipal && account == id ? .account : nil
    case .user(let arn, _):
      return kind == .user && self.arn == arn ? .user : nil
    case .role(let arn, _):
      return kind == .role && self.arn == arn ? .role : nil
    case .assumedRole(let arn, _, _, _):
      return kind == .role && sessionArn == arn ? .session : nil
    case .federatedUser(let arn, _):
      return kind == .federatedUser && self.arn == arn ? .session : nil
    case .service(let name):
      return kind == .service && arn.lowercased() == name.lowercased() ? .service : nil
    case .uniqueId, .federatedProvider, .canonicalUser, .unrecognized:
      return nil
    }
  }

  /// For a role caller whose session name is not known: whether `reference` names a session of
  /// this role, and which session name the caller would have to choose.
  public func sessionNameNeeded(for reference: PrincipalReference) -> String? {
    guard kind == .role, sessionArn == nil,
      case .assumedRole(_, let account, let roleName, let session) = reference,
      account == self.account, roleName == ArnParts.lastPathComponent(of: arn)
    else { return nil }
    return session
  }

  /// How a `NotPrincipal` list treats this caller.
  public enum NotPrincipalExemption: Sendable, Hashable {
    /// Listed: the statement does not apply to it.
    case exempt
    /// Not listed: the statement applies.
    case notExempt
    /// A role session whose name is not known: exempt only under one of these session names.
    case ifSessionNamed([String])
  }

  /// How a `NotPrincipal` list treats this caller.
  ///
  /// AWS may check the account, then the user or role, then the role session, so a caller is
  /// exempt only when every one of them is listed: a user with its account; a role session with
  /// its role, its account and the session itself (no wildcard names all sessions). See the
  /// NotPrincipal page of the IAM guide.
  public func exemption(by references: [PrincipalReference]) -> NotPrincipalExemption {
    var accountListed = false
    var selfListed = false
    var sessionNames: [String] = []
    var sessionListed = false
    for reference in references {
      switch reference {
      case .everyone: return .exempt
      case .account(let id) where isAuthenticatedPrincipal && id == account: accountListed = true
      case .user, .role, .federatedUser, .service:
        if let found = match(reference), found != .account { selfListed = true }
      case .assumedRole(let arn, let sessionAccount, let roleName, let session)
      where kind == .role && sessionAccount == account && roleName == ArnParts.lastPathComponent(of: self.arn):
        if sessionArn == arn { sessionListed = true }
        sessionNames.append(session)
      default: break
      }
    }
    switch kind {
    case .accountRoot: return accountListed ? .exempt : .notExempt
    case .service: return selfListed ? .exempt : .notExempt
    case .anonymous: return .notExempt
    case .user, .federatedUser: return accountListed && selfListed ? .exempt : .notExempt
    case .role:
      guard accountListed && selfListed else { return .notExempt }
      if sessionArn != nil { return sessionListed ? .exempt : .notExempt }
      return sessionNames.isEmpty ? .notExempt : .ifSessionNamed(sessionNames)
    }
  }

  /// IAM users, role sessions, federated users and account roots: principals that belong to an account.
  var isAuthenticatedPrincipal: Bool {
    switch kind {
    case .user, .role, .federatedUser, .accountRoot: return true
    case .service, .anonymous: return false
    }
  }
}
