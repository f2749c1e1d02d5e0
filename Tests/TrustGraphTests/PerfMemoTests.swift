import Authorization
import Inventory
import PolicyLanguage
import Testing

@testable import TrustGraph

/// The per-query memos behind who-can's speed must never give one caller another caller's answer.

@Test func keyUseMemoKeepsSessionsOfOneRoleApart() {
  let memo = KeyUseMemo()
  let role = "arn:aws:iam::111111111111:role/Reader"
  var first = Caller(kind: .role, arn: role, sessionArn: "arn:aws:sts::111111111111:assumed-role/Reader/a")
  var calls = 0
  let allowed = memo.use(first, key: "k", action: "kms:Decrypt") {
    calls += 1
    return KMSUse(action: "kms:Decrypt", key: "k", status: .allowed)
  }
  let again = memo.use(first, key: "k", action: "kms:Decrypt") {
    calls += 1
    return KMSUse(action: "kms:Decrypt", key: "k", status: .denied)
  }
  first.sessionArn = "arn:aws:sts::111111111111:assumed-role/Reader/b"
  let otherSession = memo.use(first, key: "k", action: "kms:Decrypt") {
    calls += 1
    return KMSUse(action: "kms:Decrypt", key: "k", status: .denied)
  }
  let otherAction = memo.use(first, key: "k", action: "kms:GenerateDataKey") {
    calls += 1
    return KMSUse(action: "kms:GenerateDataKey", key: "k", status: .conditional)
  }
  #expect(allowed.status == .allowed && again.status == .allowed)
  #expect(otherSession.status == .denied)
  #expect(otherAction.status == .conditional)
  #expect(calls == 3)
}

@Test func effectivePolicyMemoSeparatesTheOwnerFromOtherAccounts() {
  let policy = Fixtures.bucketPolicy(
    "shared",
    #"[{"Sid":"Everyone","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*"}]"#
  )
  let bucket = Bucket(
    name: "shared", account: "111111111111", policy: policy,
    publicAccessBlock: PublicAccessBlock(
      blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: true))
  let rules = BucketRules(bucket: bucket, accountBlock: nil, canonicalAccounts: [:])
  let memo = EffectivePolicyMemo()
  let owner = Caller(kind: .user, arn: "arn:aws:iam::111111111111:user/o", account: "111111111111")
  let stranger = Caller(kind: .user, arn: "arn:aws:iam::222222222222:user/s", account: "222222222222")
  let forOwner = memo.policy(rules, for: owner)
  let forStranger = memo.policy(rules, for: stranger)
  let forOwnerAgain = memo.policy(rules, for: owner)
  #expect(forOwner.policy?.document.statements.count == 1 && !forOwner.blockedByPublicAccess)
  #expect(forStranger.policy?.document.statements.isEmpty == true && forStranger.blockedByPublicAccess)
  #expect(forOwnerAgain.policy === forOwner.policy)
}
