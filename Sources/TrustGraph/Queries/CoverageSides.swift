import Authorization
import Inventory
import PolicyLanguage

/// The Resource elements that must cover a key for one principal and action: the identity side and
/// the bucket side (intersected across accounts, united within the bucket owner's account), the
/// boundary, and the unconditional denies to subtract.
struct CoverageSides {
  var required: [[ResourceElement]] = []
  var denied: [ResourceElement] = []
  /// In the bucket owner's account either side grants alone: the identity side and the bucket side,
  /// kept apart so that the answer can name the more specific one.
  var unitedSides: [[ResourceElement]]?

  init(profile: PrincipalProfile, bucket: Bucket, policy: PolicyDocument?, action: String) {
    var identity = Self.allows(profile.identityPolicies, action)
    if profile.kind == .accountRoot || profile.kind == .anonymous || profile.kind == .service {
      identity = profile.kind == .accountRoot ? [ResourceElement(["*"])] : []
    }
    var direct: [ResourceElement] = []
    var byAccount: [ResourceElement] = []
    let statements = policy?.statements ?? []
    for index in statements.indices where statements[index].action.applies(to: action) {
      guard let resource = statements[index].resource else { continue }
      switch (
        statements[index].effect, PrincipalMatch.of(statements[index].principal, caller: profile.caller)
      ) {
      case (_, .none): continue
      case (.allow, .direct): direct.append(resource)
      case (.allow, .account): byAccount.append(resource)
      case (.deny, _): if statements[index].conditions.isEmpty { denied.append(resource) }
      }
    }
    if profile.account == bucket.account {
      required = [identity + direct]
      unitedSides = [identity, direct]
    } else if profile.kind == .anonymous || profile.kind == .service {
      required = [direct]
    } else {
      required = [identity, direct + byAccount]
    }
    let namedUser = profile.kind == .user && profile.account == bucket.account && !direct.isEmpty
    if let boundary = profile.permissionsBoundary, !namedUser {
      required.append(Self.allows([boundary], action))
    }
    denied += Self.unconditionalDenies(
      profile.identityPolicies + [profile.permissionsBoundary].compactMap { $0 }, action)
    for level in profile.serviceControlPolicies ?? [] { denied += Self.unconditionalDenies(level, action) }
  }

  /// A cheap necessary condition for a grant under `prefix`: every required side has a pattern whose
  /// literal head is compatible with the prefix (or a `NotResource`).
  func mayReach(_ prefix: String) -> Bool {
    required.allSatisfy { group in
      group.contains { element in
        element.negated
          || element.patterns.contains { glob in
            let head = glob.pattern.utf8.prefix { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "?") }
            return head.count >= prefix.utf8.count
              ? head.starts(with: prefix.utf8) : prefix.utf8.starts(with: head)
          }
      }
    }
  }

  // Statements are read in place (by index): copying one retains every part of it, and who-can
  // builds these sides for every candidate principal and action.

  private static func allows(_ documents: [PolicyDocument], _ action: String) -> [ResourceElement] {
    var resources: [ResourceElement] = []
    for document in documents {
      let statements = document.statements
      for index in statements.indices
      where statements[index].effect == .allow && statements[index].action.applies(to: action) {
        resources.append(statements[index].resource ?? ResourceElement(["*"]))
      }
    }
    return resources
  }

  private static func unconditionalDenies(_ documents: [PolicyDocument], _ action: String)
    -> [ResourceElement]
  {
    var resources: [ResourceElement] = []
    for document in documents {
      let statements = document.statements
      for index in statements.indices
      where statements[index].effect == .deny && statements[index].conditions.isEmpty
        && statements[index].action.applies(to: action)
      {
        resources.append(statements[index].resource ?? ResourceElement(["*"]))
      }
    }
    return resources
  }
}
