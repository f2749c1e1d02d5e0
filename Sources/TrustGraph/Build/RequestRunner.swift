import Authorization
import Inventory
import PolicyLanguage

/// Runs the graph's requests through `Evaluator` with the right layers and three-valued context,
/// always on the policies the `Directory` compiled once.
struct RequestRunner: Sendable {
  let directory: Directory
  let contexts: RequestContexts

  /// The same runner with request contexts of its own storage (one per parallel worker).
  func isolated() -> RequestRunner { RequestRunner(directory: directory, contexts: contexts.isolated()) }

  /// `sts:AssumeRole` of `role` by `profile`. With `sessionArn` (the trust names a session of the
  /// caller's role), the session name is the choice of whoever assumed the caller's role: the step
  /// is evaluated with the name unknown, so it holds on the condition `sts:RoleSessionName` = that name.
  func assume(_ profile: PrincipalProfile, role: Role, sessionArn: String? = nil, traced: Bool) -> Decision {
    let roleAccount = ARNParts.account(of: role.arn) ?? ""
    var caller = profile.caller
    if sessionArn != nil { caller.sessionArn = nil }
    let request = Request(
      caller: caller, action: "sts:AssumeRole", resource: role.arn, resourceAccount: roleAccount,
      context: contexts.context(
        caller: caller, resourceAccount: roleAccount, resourceOrgId: directory.orgId(roleAccount)))
    let layers = profile.layers(
      resourcePolicy: directory.trustPolicy(of: role), kind: .trust,
      resourceControlPolicies: directory.organization.resourceControlPolicies(for: roleAccount))
    return Evaluator.evaluate(request, layers: layers, traced: traced)
  }

  /// `sts:AssumeRole` of `role` by the service principal `service` (acting for `sourceAccount` when known).
  func serviceAssume(_ service: String, role: Role, sourceAccount: String?, traced: Bool) -> Decision {
    let roleAccount = ARNParts.account(of: role.arn) ?? ""
    let caller = Caller(kind: .service, arn: service)
    var values: [String: [String]] = [:]
    if let sourceAccount { values["aws:SourceAccount"] = [sourceAccount] }
    let request = Request(
      caller: caller, action: "sts:AssumeRole", resource: role.arn, resourceAccount: roleAccount,
      context: contexts.context(
        caller: caller, resourceAccount: roleAccount, resourceOrgId: directory.orgId(roleAccount),
        values: values))
    let layers = CompiledPolicyLayers(
      resourceControlPolicies: directory.organization.resourceControlPolicies(for: roleAccount),
      resourcePolicy: directory.trustPolicy(of: role), resourcePolicyKind: .trust)
    return Evaluator.evaluate(request, layers: layers, traced: traced)
  }

  /// A request decided by the caller's own policies only (no resource policy), such as `iam:PassRole`
  /// or `codebuild:StartBuild`. With `callerSideOnly`, the resource counts as the caller's own, so
  /// the answer is whether the caller's side would allow a cross-account request.
  func identityOnly(
    _ profile: PrincipalProfile, action: String, resource: String, values: [String: [String]] = [:],
    callerSideOnly: Bool = false, traced: Bool
  ) -> Decision {
    let account = ARNParts.account(of: resource)
    let resourceAccount =
      callerSideOnly
      ? profile.account : account.flatMap { $0.isEmpty || $0.hasWildcard ? nil : $0 } ?? profile.account
    let request = Request(
      caller: profile.caller, action: action, resource: resource, resourceAccount: resourceAccount,
      context: contexts.context(
        caller: profile.caller, resourceAccount: resourceAccount,
        resourceOrgId: directory.orgId(resourceAccount),
        values: values))
    let layers = profile.layers(
      resourcePolicy: nil, kind: .other,
      resourceControlPolicies: directory.organization.resourceControlPolicies(for: resourceAccount))
    return Evaluator.evaluate(request, layers: layers, traced: traced)
  }

  /// What AWS knows of `profile` as a caller of `resource` (its derived keys included): the values
  /// that policy variables in Resource patterns take.
  func callerContext(_ profile: PrincipalProfile, resource: String, resourceAccount: String) -> RequestContext
  {
    Request(
      caller: profile.caller, action: "s3:GetObject", resource: resource, resourceAccount: resourceAccount,
      context: contexts.context(
        caller: profile.caller, resourceAccount: resourceAccount,
        resourceOrgId: directory.orgId(resourceAccount))
    ).effectiveContext
  }

  /// A request against a resource governed by `resourcePolicy` of `kind`, owned by `resourceAccount`.
  func resourceRequest(
    _ profile: PrincipalProfile, action: String, resource: String, resourceAccount: String,
    resourcePolicy: CompiledPolicy?, kind: PolicyLayers.ResourcePolicyKind, values: [String: [String]] = [:],
    traced: Bool
  ) -> Decision {
    let request = Request(
      caller: profile.caller, action: action, resource: resource, resourceAccount: resourceAccount,
      context: contexts.context(
        caller: profile.caller, resourceAccount: resourceAccount,
        resourceOrgId: directory.orgId(resourceAccount), values: values))
    let layers = profile.layers(
      resourcePolicy: resourcePolicy, kind: kind,
      resourceControlPolicies: directory.organization.resourceControlPolicies(for: resourceAccount))
    return Evaluator.evaluate(request, layers: layers, traced: traced)
  }
}
