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

  /// `context` makes the caller's context (with its derived keys) when a Resource pattern holds a
  /// policy variable to resolve.
  init(
    profile: PrincipalProfile, bucket: Bucket, policy: PolicyDocument?, action: String,
    context: @escaping () -> RequestContext
  ) {
    let variables = ResourceVariables(context: context)
    var identity = Self.resources(of: .allow, in: profile.identityPolicies, action, variables)
    if profile.kind == .accountRoot || profile.kind == .anonymous || profile.kind == .service {
      identity = profile.kind == .accountRoot ? [ResourceElement(["*"])] : []
    }
    // Statements naming the caller as itself, a session or everyone (enough alone in the bucket's
    // account), naming its role ARN (then the boundary still limits), or naming its account.
    var alone: [ResourceElement] = []
    var asRole: [ResourceElement] = []
    var byAccount: [ResourceElement] = []
    let statements = policy?.statements ?? []
    let policyVariables = policy?.version.supportsVariables ?? false
    for index in statements.indices where statements[index].action.applies(to: action) {
      guard let written = statements[index].resource else { continue }
      let effect = statements[index].effect
      guard let resource = variables.resolve(written, variables: policyVariables, deny: effect == .deny)
      else {
        continue
      }
      switch (effect, PrincipalMatch.of(statements[index].principal, caller: profile.caller)) {
      case (_, .none): continue
      case (.allow, .direct):
        if Self.namesOnlyTheRole(statements[index].principal, caller: profile.caller) {
          asRole.append(resource)
        } else {
          alone.append(resource)
        }
      case (.allow, .account): byAccount.append(resource)
      case (.deny, _): if statements[index].conditions.isEmpty { denied.append(resource) }
      }
    }
    let direct = alone + asRole
    let boundary = profile.permissionsBoundary.map { Self.resources(of: .allow, in: [$0], action, variables) }
    if profile.account == bucket.account {
      // Same account (aws-authorization.md §2 step 4): identity ∧ boundary, or a statement naming
      // the caller alone, or one naming its role ∧ boundary = (identity ∪ role ∪ alone) ∧ (boundary ∪ alone).
      required = [identity + direct]
      if let boundary { required.append(boundary + alone) }
      unitedSides = [identity, direct]
    } else if profile.kind == .anonymous || profile.kind == .service {
      required = [direct]
    } else {
      required = [identity, direct + byAccount]
      if let boundary { required.append(boundary) }
    }
    denied += Self.resources(
      of: .deny, in: profile.identityPolicies + [profile.permissionsBoundary].compactMap { $0 }, action,
      variables)
    for level in profile.serviceControlPolicies ?? [] {
      denied += Self.resources(of: .deny, in: level, action, variables)
    }
  }

  /// Whether every entry of `element` that names `caller` names its role ARN (not a session of
  /// it, not everyone).
  private static func namesOnlyTheRole(_ element: PrincipalElement?, caller: Caller) -> Bool {
    guard caller.kind == .role, let element, !element.negated else { return false }
    return element.entries.allSatisfy { entry in
      if case .role = entry { return true }
      if case .none = PrincipalMatch.of(PrincipalElement(negated: false, entries: [entry]), caller: caller) {
        return true
      }
      return false
    }
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

  /// The Resource elements of the statements of `effect` that cover `action` (Denies: only those
  /// without conditions), their policy variables resolved for the caller.
  private static func resources(
    of effect: Effect, in documents: [PolicyDocument], _ action: String, _ variables: ResourceVariables
  ) -> [ResourceElement] {
    var resources: [ResourceElement] = []
    for document in documents {
      let statements = document.statements
      let substitutes = document.version.supportsVariables
      for index in statements.indices
      where statements[index].effect == effect && statements[index].action.applies(to: action)
        && (effect == .allow || statements[index].conditions.isEmpty)
      {
        guard let written = statements[index].resource else {
          resources.append(ResourceElement(["*"]))
          continue
        }
        if let resource = variables.resolve(written, variables: substitutes, deny: effect == .deny) {
          resources.append(resource)
        }
      }
    }
    return resources
  }
}
