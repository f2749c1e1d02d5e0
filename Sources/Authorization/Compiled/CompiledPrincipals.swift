import PolicyLanguage

/// A positive `Principal` element sorted by form, so that naming the caller is a few array scans
/// of plain string comparisons (`Caller.match` gives the same answers, entry by entry).
struct CompiledPrincipals: Sendable {
  private var everyone = false
  private var accounts: [String] = []
  private var users: [String] = []
  private var roles: [String] = []
  private var sessions: [String] = []
  private var federatedUsers: [String] = []
  /// Lower-cased service names.
  private var services: [String] = []

  init(_ entries: [PrincipalReference]) {
    for entry in entries {
      switch entry {
      case .everyone: everyone = true
      case .account(let id): accounts.append(id)
      case .user(let arn, _): users.append(arn)
      case .role(let arn, _): roles.append(arn)
      case .assumedRole(let arn, _, _, _): sessions.append(arn)
      case .federatedUser(let arn, _): federatedUsers.append(arn)
      case .service(let name): services.append(name.lowercased())
      case .uniqueId, .federatedProvider, .canonicalUser, .unrecognized: break
      }
    }
  }

  /// The way of naming `caller` that needs least else, or nil when no entry names it.
  func bestMatch(for caller: Caller) -> PrincipalMatch? {
    switch caller.kind {
    case .service:
      if !services.isEmpty && services.contains(caller.arn.lowercased()) { return .service }
      return everyone ? .everyone : nil
    case .anonymous:
      return everyone ? .everyone : nil
    case .user, .role, .federatedUser, .accountRoot:
      break
    }
    if everyone { return .everyone }
    switch caller.kind {
    case .role:
      if let session = caller.sessionArn, sessions.contains(session) { return .session }
      if roles.contains(caller.arn) { return .role }
    case .federatedUser:
      if federatedUsers.contains(caller.arn) { return .session }
    case .user:
      if users.contains(caller.arn) { return .user }
    case .accountRoot, .service, .anonymous:
      break
    }
    if let account = caller.account, accounts.contains(account) { return .account }
    return nil
  }
}
