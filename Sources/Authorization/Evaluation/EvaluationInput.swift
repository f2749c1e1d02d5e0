import PolicyLanguage

/// One request prepared for matching: the action folded once, the context completed with derived
/// keys as statements need them. A class, so that the scanning closures share it rather than copy it.
final class EvaluationInput {
  let request: Request
  let caller: Caller
  /// The action lower-cased once, so that case-insensitive matching never folds it again.
  let action: String
  /// The action's service prefix (`s3`), to pick candidate statements of compiled policies.
  let service: String
  let resource: String
  let resourceAccount: String?
  /// The request's context plus the derived keys in `derived`.
  private(set) var context: RequestContext
  /// The derived keys added to `context` so far.
  private var derived: DerivedKeys = []
  /// A caller with a permissions boundary is never exempted by a `NotPrincipal` deny (documented).
  let hasBoundary: Bool
  let traced: Bool
  /// Facts of the caller read on every layer, taken once: reading them through `caller` would copy
  /// (and retain every field of) the caller each time.
  let callerKind: Caller.Kind
  let callerIsAuthenticated: Bool
  let callerIsSubjectToServiceControlPolicies: Bool
  /// Whether the caller and the resource belong to the same account (the step-4 shortcuts apply).
  let isSameAccount: Bool

  init(_ request: Request, hasBoundary: Bool, traced: Bool) {
    self.request = request
    caller = request.caller
    let action = request.action.lowercased()
    self.action = action
    service = action.firstIndex(of: ":").map { String(action[..<$0]) } ?? action
    resource = request.resource
    resourceAccount = request.effectiveResourceAccount
    context = request.context
    self.hasBoundary = hasBoundary
    self.traced = traced
    let caller = request.caller
    callerKind = caller.kind
    callerIsAuthenticated = caller.isAuthenticatedPrincipal
    callerIsSubjectToServiceControlPolicies = caller.isSubjectToServiceControlPolicies
    isSameAccount =
      caller.isAuthenticatedPrincipal && caller.account != nil
      && caller.account == request.effectiveResourceAccount
  }

  /// The conditions still undecided when `statement`, whose action applies, applies to this
  /// resource and context (empty: it applies outright), or nil when it does not apply. The
  /// principal is checked elsewhere.
  func undecidedConditions(of compiled: some ScannableStatement, variables: Bool) -> [Condition]? {
    if compiled.appliesEverywhere { return [] }
    let keys = compiled.derivedKeys
    if !derived.isSuperset(of: keys) {
      let missing = keys.subtracting(derived)
      request.derive(missing, into: &context)
      derived.formUnion(missing)
    }
    var undecided: [Condition] = []
    // Fields are read one by one: copying the whole `Statement` would retain every part of it.
    if let element = compiled.statement.resource {
      switch element.applies(to: resource, context: context, variables: variables) {
      case .no: return nil
      case .unknown: undecided.append(SyntheticCondition.resource(matching: element))
      case .yes: break
      }
    }
    for condition in compiled.statement.conditions {
      switch condition.evaluate(in: context, variables: variables) {
      case .no: return nil
      case .unknown: undecided.append(condition)
      case .yes: break
      }
    }
    return undecided
  }
}
