import PolicyLanguage

/// One request prepared for matching: the action folded once, the context with derived keys.
struct EvaluationInput {
  let caller: Caller
  /// The action lower-cased once, so that case-insensitive matching never folds it again.
  let action: String
  let resource: String
  let resourceAccount: String?
  let context: RequestContext
  /// A caller with a permissions boundary is never exempted by a `NotPrincipal` deny (documented).
  let hasBoundary: Bool
  let traced: Bool

  init(_ request: Request, hasBoundary: Bool, traced: Bool) {
    caller = request.caller
    action = request.action.lowercased()
    resource = request.resource
    resourceAccount = request.effectiveResourceAccount
    context = request.effectiveContext
    self.hasBoundary = hasBoundary
    self.traced = traced
  }

  /// Whether the caller and the resource belong to the same account (the step-4 shortcuts apply).
  var isSameAccount: Bool {
    caller.isAuthenticatedPrincipal && caller.account != nil && caller.account == resourceAccount
  }

  /// The conditions still undecided when `statement`, whose action applies, applies to this
  /// resource and context (empty: it applies outright), or nil when it does not apply. The
  /// principal is checked elsewhere.
  func undecidedConditions(of statement: Statement, variables: Bool) -> [Condition]? {
    var undecided: [Condition] = []
    if let element = statement.resource {
      switch element.applies(to: resource, context: context, variables: variables) {
      case .no: return nil
      case .unknown: undecided.append(SyntheticCondition.resource(matching: element))
      case .yes: break
      }
    }
    for condition in statement.conditions {
      switch condition.evaluate(in: context, variables: variables) {
      case .no: return nil
      case .unknown: undecided.append(condition)
      case .yes: break
      }
    }
    return undecided
  }
}
