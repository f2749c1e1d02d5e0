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
    for statement in policy?.statements ?? [] where statement.action.applies(to: action) {
      let match = PrincipalMatch.of(statement.principal, caller: profile.caller)
      guard let resource = statement.resource else { continue }
      switch (statement.effect, match) {
      case (_, .none): continue
      case (.allow, .direct): direct.append(resource)
      case (.allow, .account): byAccount.append(resource)
      case (.deny, _): if statement.conditions.isEmpty { denied.append(resource) }
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
            let head = glob.pattern.prefix { $0 != "*" && $0 != "?" }
            return head.count >= prefix.count ? head.hasPrefix(prefix) : prefix.hasPrefix(head)
          }
      }
    }
  }

  private static func allows(_ documents: [PolicyDocument], _ action: String) -> [ResourceElement] {
    documents.flatMap { document in
      document.statements.filter { $0.effect == .allow && $0.action.applies(to: action) }.map {
        $0.resource ?? ResourceElement(["*"])
      }
    }
  }

  private static func unconditionalDenies(_ documents: [PolicyDocument], _ action: String)
    -> [ResourceElement]
  {
    documents.flatMap { document in
      document.statements.filter {
        $0.effect == .deny && $0.conditions.isEmpty && $0.action.applies(to: action)
      }.map {
        $0.resource ?? ResourceElement(["*"])
      }
    }
  }
}
