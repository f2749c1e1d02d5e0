/// The candidate steps into the roles of one account, as the trust index names them: what
/// `RoleAccountEdges` evaluates. Each list is sorted, so the edges come out in the same order on
/// every run.
struct RoleAccountWork: Sendable {
  /// A principal (or one of its sessions) that a trust policy names.
  struct Named: Sendable {
    var profile: PrincipalProfile
    var roleArn: String
    var sessionArn: String?
  }

  /// An account that a trust policy names (its root, or the account id).
  struct AccountTrust: Sendable {
    var account: String
    var roleArn: String
  }

  /// A service or identity provider that a trust policy names.
  struct Trusted: Sendable {
    var principal: String
    var roleArn: String
  }

  var named: [Named] = []
  var accountTrusts: [AccountTrust] = []
  var trustingEveryone: [String] = []
  var services: [Trusted] = []
  var providers: [Trusted] = []

  /// The same work, every list in a fixed order.
  func sorted() -> RoleAccountWork {
    var copy = self
    copy.named.sort {
      ($0.roleArn, $0.profile.id, $0.sessionArn ?? "") < ($1.roleArn, $1.profile.id, $1.sessionArn ?? "")
    }
    copy.accountTrusts.sort { ($0.roleArn, $0.account) < ($1.roleArn, $1.account) }
    copy.trustingEveryone.sort()
    copy.services.sort { ($0.roleArn, $0.principal) < ($1.roleArn, $1.principal) }
    copy.providers.sort { ($0.roleArn, $0.principal) < ($1.roleArn, $1.principal) }
    return copy
  }
}
