import Inventory
import PolicyLanguage

@testable import TrustGraph

/// Small hand-built inventories for the gap rules: account A (111…) calls, account B (222…) owns.
enum Fixture {
  static let callerAccount = "111111111111"
  static let ownerAccount = "222222222222"
  static let callerRole = "arn:aws:iam::111111111111:role/Deployer"
  static let ownerRole = "arn:aws:iam::222222222222:role/Target"

  static func document(_ name: String, _ statements: [Statement]) -> PolicyDocument {
    let indexed = statements.enumerated().map { offset, statement in
      var copy = statement
      copy.index = offset
      copy.location = SourceLocation(line: 3 + offset * 5, column: 5)
      return copy
    }
    return PolicyDocument(
      source: PolicySource(name: name, file: "snapshot/\(name).json"), version: .v2012_10_17,
      statements: indexed)
  }

  static func statement(
    _ actions: [String], effect: Effect = .allow, resources: [String]? = nil,
    principals: [PrincipalReference]? = nil, notPrincipal: Bool = false, conditions: [Condition] = [],
    sid: String? = nil
  ) -> Statement {
    Statement(
      sid: sid, index: 0, effect: effect,
      principal: principals.map { PrincipalElement(negated: notPrincipal, entries: $0) },
      action: ActionElement(actions), resource: resources.map { ResourceElement($0) }, conditions: conditions)
  }

  static func condition(
    _ base: ConditionOperatorBase, _ key: String, _ values: [String], ifExists: Bool = false
  )
    -> Condition
  {
    Condition(
      op: ConditionOperator(
        raw: base.rawValue + (ifExists ? "IfExists" : ""), base: base, ifExists: ifExists),
      key: key, values: values)
  }

  static func role(_ arn: String, trust: [Statement] = [], identity: [Statement] = [], path: String = "/")
    -> Role
  {
    let name = String(arn.split(separator: "/").last!)
    return Role(
      arn: arn, name: name, path: path, id: "AROA" + name.uppercased(),
      trustPolicy: trust.isEmpty ? nil : document("trust \(name)", trust),
      inlinePolicies: identity.isEmpty ? [] : [document("inline \(name)", identity)])
  }

  static func bucket(
    _ name: String, policy: [Statement] = [], ownership: String? = "BucketOwnerEnforced",
    encryption: BucketEncryption? = nil, acl: [ACLGrant] = [], block: PublicAccessBlock? = nil
  ) -> Bucket {
    Bucket(
      name: name, account: ownerAccount,
      policy: policy.isEmpty ? nil : document("bucket policy of \(name)", policy),
      objectOwnership: ownership, publicAccessBlock: block, aclGrants: acl, encryption: encryption)
  }

  static func inventory(
    callerRoles: [Role] = [], ownerRoles: [Role] = [], buckets: [Bucket] = [], keys: [KMSKey] = [],
    organization: Organization? = nil
  ) -> Inventory {
    Inventory(
      accounts: [
        Account(id: callerAccount, roles: callerRoles),
        Account(id: ownerAccount, roles: ownerRoles, buckets: buckets, keys: keys),
      ], organization: organization, root: "snapshot")
  }

  static func findings(_ inventory: Inventory, rule: FindingRule) -> [Finding] {
    GapAnalysis.findings(in: inventory).filter { $0.rule == rule }
  }
}
