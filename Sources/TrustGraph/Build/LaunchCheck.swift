import Authorization
import Inventory
import PolicyLanguage

/// Decides whether a principal can make a service run code as a role: `iam:PassRole` on the role
/// (for that service) plus every launch action of the service.
/// A launch permission does not depend on the role, so each (principal, action) is decided once;
/// the service's side of the trust depends only on the principal's account, so each (role, service,
/// account) is decided once too. The checks that most often fail for a whole account (the trust,
/// then the launch actions) run before the per-principal `iam:PassRole`.
/// When no policy of a principal ties `iam:PassRole` to particular roles (`ResourceIndependence`),
/// its pass is decided once per service, not once per role.
/// The graph build runs it untraced; the evidence of one edge is recomputed traced on demand.
struct LaunchCheck {
  let runner: RequestRunner
  let traced: Bool
  private var launches: [LaunchKey: Decision?] = [:]
  private var trusts: [TrustKey: Decision] = [:]
  /// `iam:PassRole` decisions by (principal, service), for principals whose pass does not depend on the role.
  private var passes: [LaunchKey: Decision] = [:]
  private var passIsRoleIndependent: [String: Bool] = [:]

  private struct LaunchKey: Hashable {
    var principal: String
    var action: String
  }

  private struct TrustKey: Hashable {
    var role: String
    var service: String
    var account: String
  }

  init(runner: RequestRunner, traced: Bool) {
    self.runner = runner
    self.traced = traced
  }

  /// The combined decision (pass, launch actions, service trust) when `profile` may run code as
  /// `role` through `launch`, nil when it may not.
  mutating func decision(_ profile: PrincipalProfile, role: Role, launch: ServiceLaunch) -> Decision? {
    let trustKey = TrustKey(role: role.arn, service: launch.service, account: profile.account)
    if trusts[trustKey] == nil {
      trusts[trustKey] = runner.serviceAssume(
        launch.service, role: role, sourceAccount: profile.account, traced: traced)
    }
    guard let trust = trusts[trustKey], trust.mayBeAllowed else { return nil }
    var launchDecisions: [Decision] = []
    for action in launch.actions {
      let key = LaunchKey(principal: profile.id, action: action)
      if launches[key] == nil { launches[key] = .some(best(profile, action: action)) }
      guard let cached = launches[key], let decision = cached else { return nil }
      launchDecisions.append(decision)
    }
    let pass = passDecision(profile, role: role, service: launch.service)
    guard pass.mayBeAllowed else { return nil }
    var layers = pass.layers
    var conditional = pass.outcome == .conditional
    var residual = pass.residual
    for decision in launchDecisions {
      // Launch actions granted by the same statement would show it once per action.
      layers += decision.layers.filter { !layers.contains($0) }
      conditional = conditional || decision.outcome == .conditional
      residual.allowIf += decision.residual.allowIf
      residual.denyIf += decision.residual.denyIf
    }
    layers += trust.layers.filter { !layers.contains($0) }
    conditional = conditional || trust.outcome == .conditional
    residual.allowIf += trust.residual.allowIf
    return Decision(outcome: conditional ? .conditional : .allow, layers: layers, residual: residual)
  }

  /// `iam:PassRole` of `role` to `service`, from the per-service memo when the principal's pass
  /// cannot depend on the role (untraced only: a trace names the role it was asked about).
  private mutating func passDecision(_ profile: PrincipalProfile, role: Role, service: String) -> Decision {
    func evaluate() -> Decision {
      runner.identityOnly(
        profile, action: "iam:PassRole", resource: role.arn, values: ["iam:PassedToService": [service]],
        traced: traced)
    }
    guard !traced, ARNParts.account(of: role.arn) == profile.account else { return evaluate() }
    if passIsRoleIndependent[profile.id] == nil {
      var documents = profile.identityPolicies + [profile.permissionsBoundary].compactMap { $0 }
      documents += (profile.serviceControlPolicies ?? []).joined()
      documents += (runner.directory.organization.resourceControlPolicies(for: profile.account) ?? [])
        .joined().map(\.document)
      passIsRoleIndependent[profile.id] = ResourceIndependence.holds(for: documents, action: "iam:PassRole")
    }
    guard passIsRoleIndependent[profile.id] == true else { return evaluate() }
    let key = LaunchKey(principal: profile.id, action: service)
    if let known = passes[key] { return known }
    let decision = evaluate()
    passes[key] = decision
    return decision
  }

  /// The most permissive decision for `action` over the resources the principal's own grants name.
  private func best(_ profile: PrincipalProfile, action: String) -> Decision? {
    var resources = Set(["*"])
    for document in profile.identityPolicies {
      for statement in document.statements
      where statement.effect == .allow && statement.action.applies(to: action) {
        for glob in statement.resource?.patterns ?? [] {
          resources.insert(Witness.simple(glob.pattern))
        }
      }
    }
    var found: Decision?
    for resource in resources.sorted() {
      let decision = runner.identityOnly(profile, action: action, resource: resource, traced: traced)
      if decision.outcome == .allow { return decision }
      if decision.outcome == .conditional, found == nil { found = decision }
    }
    return found
  }
}
