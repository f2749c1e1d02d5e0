import Authorization
import Inventory
import PolicyLanguage

/// Builds the request contexts of the graph's three-valued evaluations: every condition key that the
/// snapshot uses and cannot decide (`sts:ExternalId`, `aws:SourceIp`, MFA, request tags, …) is
/// declared unknown; keys derived from the principal or the resource are left to the evaluator or set.
struct RequestContexts: Sendable {
  private let base: RequestContext
  private let sourceKeys: [String]
  /// Whether some `aws:userid` condition (or a Resource naming `${aws:userid}`) of the snapshot
  /// could decide differently for different session names of one role (`AROA…:alice`); then a role session's `aws:userid` is
  /// unknown, since the graph's role sessions stand for every session name.
  private let userIdDependsOnSessionName: Bool

  /// Keys AWS derives from the caller or the resource, or that trustwalk sets per request.
  private static let derivablePrefixes = [
    "aws:principal", "aws:username", "aws:userid", "aws:resourceaccount", "aws:resourceorgid",
    "aws:resourceorgpaths", "s3:resourceaccount", "kms:calleraccount", "s3:prefix", "iam:passedtoservice",
  ]
  /// Keys present only when a service acts for a resource (confused-deputy guards).
  private static let sourcePrefixes = [
    "aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths",
  ]

  init(documents: [PolicyDocument]) {
    var unknown = Set<String>()
    var source = Set<String>()
    var sessionDependent = false
    for document in documents {
      for statement in document.statements {
        // A Resource naming `${aws:userid}` differs by session name too.
        if statement.resource?.patterns.contains(where: { $0.pattern.lowercased().contains("${aws:userid") })
          == true
        {
          sessionDependent = true
        }
        for condition in statement.conditions {
          let key = condition.normalizedKey
          if key == "aws:userid" && !condition.values.allSatisfy(Self.isSessionIndependent) {
            sessionDependent = true
          }
          if Self.sourcePrefixes.contains(where: key.hasPrefix) {
            source.insert(key)
          } else if !Self.derivablePrefixes.contains(where: key.hasPrefix) {
            unknown.insert(key)
          }
        }
      }
    }
    // The stand-ins for unreadable or missing policies (Directory.missingDocument) are always undecidable.
    unknown.formUnion([
      "sts:externalid", "aws:sourceip", "aws:multifactorauthpresent",
      Directory.missingDocumentKey.lowercased(),
    ])
    base = RequestContext(unknownKeys: unknown)
    sourceKeys = source.sorted()
    userIdDependsOnSessionName = sessionDependent
  }

  /// The same contexts with storage of their own: a thread evaluating with them then shares no
  /// reference-counted buffer with the others (the graph build evaluates accounts in parallel).
  func isolated() -> RequestContexts {
    RequestContexts(
      base: RequestContext(values: base.values, unknownKeys: base.unknownKeys),
      sourceKeys: sourceKeys,
      userIdDependsOnSessionName: userIdDependsOnSessionName)
  }

  private init(base: RequestContext, sourceKeys: [String], userIdDependsOnSessionName: Bool) {
    self.base = base
    self.sourceKeys = sourceKeys
    self.userIdDependsOnSessionName = userIdDependsOnSessionName
  }

  /// The session name the graph gives role sessions that no trust policy names (`Directory`).
  static let anySessionName = "trustwalk"

  /// Whether an `aws:userid` condition value decides the same for every session name of a role
  /// session (`ROLEID:SESSION`): `*`, `ROLEID:*`, or a value without `:` and wildcards (a user's
  /// or an account's id, which no role session equals).
  private static func isSessionIndependent(_ value: String) -> Bool {
    if value == "*" { return true }
    guard let colon = value.firstIndex(of: ":") else { return !value.hasWildcard }
    return value[value.index(after: colon)...] == "*" && !String(value[..<colon]).hasWildcard
  }

  /// The context of a request by `caller` against a resource of `resourceAccount`; `values` are set as given.
  func context(
    caller: Caller, resourceAccount: String?, resourceOrgId: String?, values: [String: [String]] = [:]
  ) -> RequestContext {
    var context = base
    if userIdDependsOnSessionName, caller.kind == .role, caller.sessionName == Self.anySessionName {
      context.declareUnknown("aws:userid")
    }
    if caller.kind == .service {
      for key in sourceKeys where values[key] == nil { context.declareUnknown(key) }
    }
    if let resourceAccount {
      let value = [resourceAccount]
      context.set(normalizedKey: "aws:resourceaccount", value)
      context.set(normalizedKey: "s3:resourceaccount", value)
    }
    if let resourceOrgId { context.set(normalizedKey: "aws:resourceorgid", [resourceOrgId]) }
    if let account = caller.account { context.set(normalizedKey: "kms:calleraccount", [account]) }
    for (key, value) in values { context.set(key, value) }
    return context
  }
}
