import Inventory
import PolicyLanguage
import Testing

@testable import TrustGraph

/// In one account an identity policy and a resource policy naming the caller are alternatives, so
/// explain offers them as one "either … or …" fix; across accounts both sides stay required.
@Suite struct SameAccountFixTests {
  static let account = "111111111111"
  static let other = "222222222222"
  static let keyArn = "arn:aws:kms:us-east-1:111111111111:key/k1"

  static func caller(_ account: String = account, grants: [PolicyDocument] = []) -> Role {
    Fixtures.role(
      account, "Caller", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#), policies: grants)
  }

  static func keyPolicy(naming principal: String, sid: String) -> PolicyDocument {
    Fixtures.policy(
      #"{"Statement":[{"Sid":"\#(sid)","Effect":"Allow","Principal":{"AWS":"\#(principal)"},"Action":"kms:*","Resource":"*"}]}"#,
      name: "key policy", kind: .keyPolicy)
  }

  /// The fixes of the failing hop when `caller` asks for `action` on `target`.
  static func fixes(_ inventory: Inventory, caller: String, target: String, action: String) throws -> [String]
  {
    let explanation = TrustGraph.build(inventory).explain(
      principal: caller, target: try #require(QueryTarget(target)), actions: [action])
    let chain = try #require(explanation.chains.first { $0.failingHop != nil })
    return try #require(chain.hops.first { $0.hop == chain.failingHop }).fixes
  }

  static func withKey(_ caller: Role, policy: PolicyDocument, keyAccount: String = account) -> Inventory {
    let key = KMSKey(
      id: "k1", arn: "arn:aws:kms:us-east-1:\(keyAccount):key/k1", account: keyAccount, policy: policy,
      manager: "CUSTOMER")
    if caller.arn.contains(keyAccount) {
      return Inventory(accounts: [Account(id: keyAccount, roles: [caller], keys: [key])])
    }
    return Inventory(accounts: [
      Account(id: account, roles: [caller]), Account(id: keyAccount, keys: [key]),
    ])
  }

  @Test func keyPolicyNamingSomeoneElseOffersTheKeyPolicyOrTheAccountPlusIAM() throws {
    let caller = Self.caller()
    let inventory = Self.withKey(
      caller, policy: Self.keyPolicy(naming: "arn:aws:iam::\(Self.account):role/Admin", sid: "AdminOnly"))
    let fixes = try Self.fixes(inventory, caller: caller.arn, target: Self.keyArn, action: "kms:Decrypt")
    #expect(
      fixes == [
        "account \(Self.account) must allow kms:Decrypt on \(Self.keyArn) either in the key policy of \(Self.keyArn) naming \(caller.arn), or in an identity policy of \(caller.arn) together with the key policy of \(Self.keyArn) naming the account (arn:aws:iam::\(Self.account):root) (same account: either one is enough)"
      ])
  }

  @Test func keyPolicyDelegatingToTheAccountOffersIAMOrTheKeyPolicy() throws {
    let caller = Self.caller()
    let inventory = Self.withKey(
      caller,
      policy: Self.keyPolicy(naming: "arn:aws:iam::\(Self.account):root", sid: "Enable IAM User Permissions"))
    let fixes = try Self.fixes(inventory, caller: caller.arn, target: Self.keyArn, action: "kms:Decrypt")
    #expect(
      fixes == [
        "account \(Self.account) must allow kms:Decrypt on \(Self.keyArn) either in an identity policy of \(caller.arn) (the key policy of \(Self.keyArn) already allows the account through Enable IAM User Permissions) or in the key policy of \(Self.keyArn) naming \(caller.arn) (same account: either one is enough)"
      ])
  }

  @Test func identityGrantWithoutKeyPolicyOffersNamingTheAccountToo() throws {
    let caller = Self.caller(grants: [Fixtures.allow(#""kms:Decrypt""#, #""*""#)])
    let inventory = Self.withKey(
      caller, policy: Self.keyPolicy(naming: "arn:aws:iam::\(Self.account):role/Admin", sid: "AdminOnly"))
    let fixes = try Self.fixes(inventory, caller: caller.arn, target: Self.keyArn, action: "kms:Decrypt")
    #expect(
      fixes == [
        "key owner \(Self.account) must allow \(caller.arn) (kms:Decrypt on \(Self.keyArn)) in the key policy of \(Self.keyArn), or the account (arn:aws:iam::\(Self.account):root) there: the caller's identity policy already allows it"
      ])
  }

  @Test func crossAccountKeyStillNeedsBothSides() throws {
    let caller = Self.caller()
    let keyArn = "arn:aws:kms:us-east-1:\(Self.other):key/k1"
    let inventory = Self.withKey(
      caller, policy: Self.keyPolicy(naming: "arn:aws:iam::\(Self.other):role/Admin", sid: "AdminOnly"),
      keyAccount: Self.other)
    let fixes = try Self.fixes(inventory, caller: caller.arn, target: keyArn, action: "kms:Decrypt")
    #expect(
      fixes == [
        "account \(Self.account) must allow kms:Decrypt on \(keyArn) in an identity policy of \(caller.arn)",
        "key owner \(Self.other) must allow \(caller.arn) (kms:Decrypt on \(keyArn)) in the key policy of \(keyArn)",
      ])
  }

  @Test func trustNamingTheAccountOffersIAMOrNamingTheCaller() throws {
    let caller = Self.caller()
    let target = Fixtures.role(
      Self.account, "Target",
      trust: Fixtures.trust(#"{"AWS":"arn:aws:iam::\#(Self.account):root"}"#, sid: "Account"))
    let inventory = Inventory(accounts: [Account(id: Self.account, roles: [caller, target])])
    let fixes = try Self.fixes(inventory, caller: caller.arn, target: target.arn, action: "sts:AssumeRole")
    #expect(
      fixes == [
        "account \(Self.account) must allow sts:AssumeRole on \(target.arn) either in an identity policy of \(caller.arn) (the trust policy of \(target.arn) already allows the account through Account) or in the trust policy of \(target.arn) naming \(caller.arn) (same account: either one is enough)"
      ])
  }

  @Test func bucketWithoutPolicyOffersIdentityOrBucketPolicy() throws {
    let caller = Self.caller()
    let bucket = Bucket(name: "data", account: Self.account, objectOwnership: "BucketOwnerEnforced")
    let inventory = Inventory(accounts: [Account(id: Self.account, roles: [caller], buckets: [bucket])])
    let fixes = try Self.fixes(inventory, caller: caller.arn, target: "s3://data/x", action: "s3:GetObject")
    #expect(
      fixes == [
        "account \(Self.account) must allow s3:GetObject on arn:aws:s3:::data/x* either in an identity policy of \(caller.arn) or in the bucket policy of data naming \(caller.arn) (same account: either one is enough)"
      ])
  }
}
