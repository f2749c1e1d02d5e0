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
    derive(.all, into: &derived)
    return derived
  }

  /// Adds to `derived` (this request's context, possibly with derived keys already) the derived
  /// keys among `keys` that it does not hold (evaluations derive only the keys statements read).
  func derive(_ keys: DerivedKeys, into derived: inout RequestContext) {
    let noUnknowns = context.unknownKeys.isEmpty
    func given(_ key: String) -> Bool {
      if derived.values[key] != nil { return true }
      if noUnknowns { return false }
      if derived.unknownKeys.contains(key) { return true }
      return key.hasPrefix("aws:principaltag/") && derived.unknownKeys.contains("aws:principaltag/*")
    }
    func derive(_ key: DerivedKeys, _ name: String, _ values: @autoclosure () -> [String]) {
      if keys.contains(key) && !given(name) { derived.set(name, values()) }
    }
    func deriveUnknown(_ key: DerivedKeys, _ name: String) {
      if keys.contains(key) && !given(name) { derived.declareUnknown(name) }
    }
    if keys.contains(.resourceAccount), let account = effectiveResourceAccount {
      derive(.resourceAccount, "aws:resourceaccount", [account])
    }
    switch caller.kind {
    case .service:
      derive(.principalIsAWSService, "aws:principalisawsservice", ["true"])
      derive(.principalServiceName, "aws:principalservicename", [caller.arn])
      return
    case .anonymous:
      derive(.principalType, "aws:principaltype", ["Anonymous"])
      derive(.userId, "aws:userid", ["anonymous"])
      return
    case .user, .role, .federatedUser, .accountRoot:
      break
    }
    derive(.principalArn, "aws:principalarn", [caller.arn])
    derive(.principalIsAWSService, "aws:principalisawsservice", ["false"])
    if let account = caller.account { derive(.principalAccount, "aws:principalaccount", [account]) }
    if let organization = caller.organizationId {
      derive(.principalOrgId, "aws:principalorgid", [organization])
    }
    if !caller.organizationPaths.isEmpty {
      derive(.principalOrgPaths, "aws:principalorgpaths", caller.organizationPaths)
    }
    if keys.contains(.principalTags) {
      for (tag, value) in caller.tags {
        derive(.principalTags, "aws:principaltag/\(tag.lowercased())", [value])
      }
    }
    switch caller.kind {
    case .user:
      derive(.principalType, "aws:principaltype", ["User"])
      derive(.username, "aws:username", [ArnParts.lastPathComponent(of: caller.arn)])
      if let id = caller.uniqueId {
        derive(.userId, "aws:userid", [id])
      } else {
        deriveUnknown(.userId, "aws:userid")
      }
    case .role:
      derive(.principalType, "aws:principaltype", ["AssumedRole"])
      if let id = caller.uniqueId, let session = caller.sessionName {
        derive(.userId, "aws:userid", ["\(id):\(session)"])
      } else {
        deriveUnknown(.userId, "aws:userid")
      }
    case .federatedUser:
      derive(.principalType, "aws:principaltype", ["FederatedUser"])
      if let account = caller.account {
        derive(.userId, "aws:userid", ["\(account):\(ArnParts.lastPathComponent(of: caller.arn))"])
      }
    case .accountRoot:
      derive(.principalType, "aws:principaltype", ["Account"])
      if let account = caller.account { derive(.userId, "aws:userid", [account]) }
    case .service, .anonymous:
      break
    }
  }
}
