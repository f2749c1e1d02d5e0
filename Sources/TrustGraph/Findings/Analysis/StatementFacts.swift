import Authorization
import PolicyLanguage

/// Questions gap rules ask of single statements: whom they name, whether their conditions can hold
/// for a known principal, whether they are limited to known callers.
enum StatementFacts {
  /// Whether `element` (a resource policy's Principal/NotPrincipal) covers the IAM principal `arn`
  /// of `account`: by its ARN, its account, or everyone. Sessions and federated users are not IAM
  /// principals of the snapshot and are only covered through the account or `*`.
  static func names(_ element: PrincipalElement?, arn: String, account: String) -> Bool {
    guard let element else { return false }
    let named = element.entries.contains { entry in
      switch entry {
      case .everyone: return true
      case .account(let id): return id == account
      case .user(let named, _), .role(let named, _): return named == arn
      default: return false
      }
    }
    return element.negated ? !named : named
  }

  /// Whether `element` covers a caller of `account` in general (any of its principals).
  static func namesAccount(_ element: PrincipalElement?, _ account: String) -> Bool {
    guard let element else { return false }
    if element.negated { return true }
    return element.entries.contains { $0 == .everyone || $0.account == account }
  }

  /// Whether `statement`'s conditions can hold for `principal` (three-valued): keys derived from the
  /// principal are known, every other key is unknown.
  static func conditions(
    of statement: Statement, in document: PolicyDocument, for principal: IdentityPrincipal,
    index: SnapshotIndex
  ) -> Tristate {
    guard !statement.conditions.isEmpty else { return .yes }
    var context = RequestContext()
    for condition in statement.conditions {
      let key = condition.normalizedKey
      switch key {
      case "aws:principalarn": context.set(key, [principal.arn])
      case "aws:principalaccount": context.set(key, [principal.account])
      case "aws:principaltype": context.set(key, [principal.kind == .user ? "User" : "AssumedRole"])
      case "aws:principalisawsservice": context.set(key, ["false"])
      case "aws:username" where principal.kind == .user: context.set(key, [principal.name])
      case "aws:principalorgid":
        switch index.organizationId(of: principal.account) {
        case .present(let values): context.set(key, values)
        case .unknown: context.declareUnknown(key)
        case .absent: break
        }
      default:
        if key.hasPrefix("aws:principaltag/") {
          let tag = String(condition.key.dropFirst("aws:principaltag/".count))
          if let value = principal.tags.first(where: { $0.key.lowercased() == tag.lowercased() })?.value {
            context.set(key, [value])
          }
        } else {
          context.declareUnknown(key)
        }
      }
    }
    let variables = document.version.supportsVariables
    return statement.conditions.reduce(Tristate.yes) { $0 && $1.evaluate(in: context, variables: variables) }
  }

  /// Condition keys that pin a public grant to known callers, sources or networks.
  static let limitingKeys: Set<String> = [
    "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
    "aws:sourcearn",
    "aws:sourceaccount", "aws:sourceowner", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceorgid",
    "aws:sourceorgpaths", "aws:userid", "aws:sourceip", "s3:dataaccesspointarn", "s3:dataaccesspointaccount",
    "kms:calleraccount",
  ]

  /// Whether `statement` has a clause that pins one of `keys` to fixed values: a positive operator
  /// (not `…IfExists`, not `Null`) with a value other than a lone `*`.
  static func pins(_ statement: Statement, oneOf keys: Set<String>) -> Bool {
    statement.conditions.contains { condition in
      keys.contains(condition.normalizedKey) && !condition.op.base.isNegated && !condition.op.ifExists
        && condition.op.base != .null && condition.op.base != .unknown
        && condition.op.qualifier != .forAllValues && condition.values.contains { $0 != "*" }
    }
  }

  /// The statement as evidence.
  static func evidence(_ statement: Statement, in document: PolicyDocument) -> StatementEvidence {
    StatementEvidence(
      policy: document.source, sid: statement.sid, index: statement.index, effect: statement.effect,
      location: statement.location)
  }
}
