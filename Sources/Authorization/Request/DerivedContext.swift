import PolicyLanguage

extension Request {
  /// The account that owns the resource: `resourceAccount` when given, else the account field of
  /// the resource ARN, else (S3 ARNs carry none) the caller's account.
  public var effectiveResourceAccount: String? {
    if let resourceAccount { return resourceAccount }
    if let parts = ArnParts(resource), !parts.account.isEmpty { return parts.account }
    return caller.account
  }

  /// The context AWS evaluates conditions against: the keys the request gives (values and declared
  /// unknowns) plus the keys AWS derives from the caller and the resource, unless given.
  ///
  /// `aws:userid` is always present in AWS for users and role sessions; when the unique id (or a
  /// role's session name) is not known it is declared unknown rather than left absent, so that a
  /// condition on it never silently drops a grant.
  public var effectiveContext: RequestContext {
    var derived = context
    func derive(_ key: String, _ values: [String]) {
      if derived.lookup(key) == .absent { derived.set(key, values) }
    }
    func deriveUnknown(_ key: String) {
      if derived.lookup(key) == .absent { derived.declareUnknown(key) }
    }
    if let account = effectiveResourceAccount { derive("aws:ResourceAccount", [account]) }
    switch caller.kind {
    case .service:
      derive("aws:PrincipalIsAWSService", ["true"])
      derive("aws:PrincipalServiceName", [caller.arn])
      return derived
    case .anonymous:
      derive("aws:PrincipalType", ["Anonymous"])
      derive("aws:userid", ["anonymous"])
      return derived
    case .user, .role, .federatedUser, .accountRoot:
      break
    }
    derive("aws:PrincipalArn", [caller.arn])
    derive("aws:PrincipalIsAWSService", ["false"])
    if let account = caller.account { derive("aws:PrincipalAccount", [account]) }
    if let organization = caller.organizationId { derive("aws:PrincipalOrgID", [organization]) }
    if !caller.organizationPaths.isEmpty { derive("aws:PrincipalOrgPaths", caller.organizationPaths) }
    for (tag, value) in caller.tags { derive("aws:PrincipalTag/\(tag)", [value]) }
    switch caller.kind {
    case .user:
      derive("aws:PrincipalType", ["User"])
      derive("aws:username", [ArnParts.lastPathComponent(of: caller.arn)])
      if let id = caller.uniqueId { derive("aws:userid", [id]) } else { deriveUnknown("aws:userid") }
    case .role:
      derive("aws:PrincipalType", ["AssumedRole"])
      if let id = caller.uniqueId, let session = caller.sessionName {
        derive("aws:userid", ["\(id):\(session)"])
      } else {
        deriveUnknown("aws:userid")
      }
    case .federatedUser:
      derive("aws:PrincipalType", ["FederatedUser"])
      if let account = caller.account {
        derive("aws:userid", ["\(account):\(ArnParts.lastPathComponent(of: caller.arn))"])
      }
    case .accountRoot:
      derive("aws:PrincipalType", ["Account"])
      if let account = caller.account { derive("aws:userid", [account]) }
    case .service, .anonymous:
      break
    }
    return derived
  }
}
