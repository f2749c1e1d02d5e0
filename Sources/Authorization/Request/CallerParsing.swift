extension Caller {
  /// The caller named by a principal as requests give it: an IAM user, role, assumed-role session,
  /// federated-user or account-root ARN, a bare account id (its root user), a service principal
  /// (`codebuild.amazonaws.com`), or `"*"` for an anonymous caller. Nil when `principal` is none of these.
  ///
  /// A session ARN carries no role path, so the role ARN is rebuilt without one; give the role ARN
  /// (`aws:PrincipalArn`) separately when the role has a path. Roles under `/aws-service-role/` are
  /// service-linked.
  public init?(principal: String) {
    if principal == "*" {
      self.init(kind: .anonymous, arn: "*")
      return
    }
    if ArnParts.isAccountId(principal) {
      self.init(kind: .accountRoot, arn: "arn:aws:iam::\(principal):root", account: principal)
      return
    }
    guard let parts = ArnParts(principal) else {
      guard principal.contains("."), !principal.contains(":"), !principal.contains("/") else { return nil }
      self.init(kind: .service, arn: principal)
      return
    }
    guard ArnParts.isAccountId(parts.account), parts.region.isEmpty else { return nil }
    let resource = parts.resource
    switch parts.service {
    case "iam" where resource == "root":
      self.init(kind: .accountRoot, arn: principal, account: parts.account)
    case "iam" where resource.hasPrefix("user/") && resource.count > 5:
      self.init(kind: .user, arn: principal, account: parts.account)
    case "iam" where resource.hasPrefix("role/") && resource.count > 5:
      self.init(
        kind: .role, arn: principal, account: parts.account,
        isServiceLinkedRole: resource.hasPrefix("role/aws-service-role/"))
    case "sts" where resource.hasPrefix("assumed-role/"):
      let names = resource.split(separator: "/", omittingEmptySubsequences: false)
      guard names.count == 3, !names[1].isEmpty, !names[2].isEmpty else { return nil }
      let roleArn = "arn:\(parts.partition):iam::\(parts.account):role/\(names[1])"
      self.init(kind: .role, arn: roleArn, sessionArn: principal, account: parts.account)
    case "sts" where resource.hasPrefix("federated-user/") && resource.count > 15:
      self.init(kind: .federatedUser, arn: principal, account: parts.account)
    default:
      return nil
    }
  }

  /// The session name of a role session (the last part of its session ARN), when known.
  public var sessionName: String? {
    sessionArn.map { ArnParts.lastPathComponent(of: $0) }
  }
}
