import Authorization
import PolicyLanguage
import Testing

@testable import Inventory
@testable import TrustGraph

/// Random small organizations: 3 accounts with two roles, a user and a bucket each; random trusts,
/// identity grants (S3 by prefix pattern, sts:AssumeRole) and bucket policies naming roles, users
/// or accounts.
private struct RandomOrganization {
  static let accounts = ["100000000001", "100000000002", "100000000003"]
  var random: SplitMix64

  func bucketName(_ account: String) -> String { "bucket-\(account.suffix(1))" }
  func roleArn(_ account: String, _ index: Int) -> String { "arn:aws:iam::\(account):role/R\(index)" }
  func userArn(_ account: String) -> String { "arn:aws:iam::\(account):user/U" }

  mutating func resourcePattern() -> String {
    let bucket = bucketName(random.pick(Self.accounts))
    return random.pick([
      "arn:aws:s3:::\(bucket)/*", "arn:aws:s3:::\(bucket)/data/*", "arn:aws:s3:::\(bucket)*", "*",
    ])
  }

  mutating func identityPolicy(_ name: String) -> PolicyDocument {
    var statements: [String] = []
    for index in 0..<Int(random.next() % 3) {
      let action = random.pick(["s3:GetObject", "s3:PutObject", "s3:*"])
      statements.append(
        #"{"Sid":"S\#(index)","Effect":"Allow","Action":"\#(action)","Resource":"\#(resourcePattern())"}"#)
    }
    if random.chance(85) {
      let account = random.pick(Self.accounts)
      let target = random.chance(35) ? "*" : roleArn(account, Int(random.next() % 2))
      statements.append(
        #"{"Sid":"Assume","Effect":"Allow","Action":"sts:AssumeRole","Resource":"\#(target)"}"#)
    }
    return Fixtures.policy(
      #"{"Version":"2012-10-17","Statement":[\#(statements.joined(separator: ","))]}"#, name: name)
  }

  mutating func principalReference(_ account: String) -> String {
    let other = random.pick(Self.accounts)
    return random.pick([
      #"{"AWS":"\#(roleArn(other, Int(random.next() % 2)))"}"#, #"{"AWS":"\#(other)"}"#,
      #"{"AWS":"\#(userArn(other))"}"#, #"{"AWS":"arn:aws:iam::\#(account):root"}"#,
    ])
  }

  mutating func make() -> Inventory {
    var accounts: [Account] = []
    for account in Self.accounts {
      let roles = (0..<2).map { index in
        Fixtures.role(
          account, "R\(index)",
          trust: Fixtures.policy(
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":\#(principalReference(account)),"Action":"sts:AssumeRole"}]}"#,
            name: "trust of R\(index)", kind: .trust),
          policies: [identityPolicy("R\(index) policy")])
      }
      let user = Fixtures.user(account, "U", policies: [identityPolicy("U policy")])
      let name = bucketName(account)
      var policy: PolicyDocument?
      if random.chance(70) {
        let action = random.pick(["s3:GetObject", "s3:PutObject", "s3:*"])
        let resource = random.pick(["arn:aws:s3:::\(name)/*", "arn:aws:s3:::\(name)/data/*"])
        policy = Fixtures.bucketPolicy(
          name,
          #"[{"Sid":"B","Effect":"Allow","Principal":\#(principalReference(account)),"Action":"\#(action)","Resource":"\#(resource)"}]"#
        )
      }
      accounts.append(
        Account(
          id: account, users: [user], roles: roles,
          buckets: [
            Bucket(name: name, account: account, policy: policy, objectOwnership: "BucketOwnerEnforced")
          ]))
    }
    return Inventory(accounts: accounts)
  }
}

/// The evaluator's own answer for one direct request, with the layers built independently of TrustGraph.
private func evaluatorAllows(
  _ principal: String, _ inventory: Inventory, bucket: Bucket, key: String, action: String
)
  -> Bool
{
  guard
    let account = inventory.accounts.first(where: {
      $0.id == String(principal.split(separator: ":", omittingEmptySubsequences: false)[4])
    })
  else { return false }
  let role = account.roles.first { $0.arn == principal }
  let user = account.users.first { $0.arn == principal }
  let caller =
    role.map {
      Caller(
        kind: .role, arn: $0.arn, sessionArn: "arn:aws:sts::\(account.id):assumed-role/\($0.name)/s",
        account: account.id)
    } ?? Caller(kind: .user, arn: principal, account: account.id)
  let request = Request(
    caller: caller, action: action, resource: "arn:aws:s3:::\(bucket.name)/\(key)",
    resourceAccount: bucket.account)
  let layers = PolicyLayers(
    resourcePolicy: bucket.policy, resourcePolicyKind: .bucket,
    identityPolicies: role?.inlinePolicies ?? user?.inlinePolicies ?? [])
  return Evaluator.evaluate(request, layers: layers, traced: false).mayBeAllowed
}

@Test func whoCanAgreesWithTheEvaluatorAndWithCanWhat() {
  var listedCount = 0
  var chainedCount = 0
  for seed in UInt64(0)..<12 {
    let (listed, chained) = checkAgreement(seed: seed)
    listedCount += listed
    chainedCount += chained
  }
  #expect(listedCount > 20, "the random organizations must grant something")
  #expect(chainedCount > 5, "the random organizations must have chains")
}

/// Checks one random organization; returns how many direct grants and chained readers it had.
private func checkAgreement(seed: UInt64) -> (listed: Int, chained: Int) {
  var listedCount = 0
  var chainedCount = 0
  var generator = RandomOrganization(random: SplitMix64(seed: seed &* 7919 &+ 17))
  let inventory = generator.make()
  let graph = TrustGraph.build(inventory)
  let principals = inventory.accounts.flatMap { $0.roles.map(\.arn) + $0.users.map(\.arn) }
  let buckets = inventory.accounts.flatMap(\.buckets)
  let keys = ["data/x", "other", ""]

  var readersByBucket: [String: Set<String>] = [:]
  for bucket in buckets {
    for action in ["s3:GetObject", "s3:PutObject"] {
      let direct = graph.whoCan(QueryTarget("s3://\(bucket.name)/")!, actions: [action], directOnly: true)
      let listed = Dictionary(uniqueKeysWithValues: direct.principals.map { ($0.principal, $0) })
      listedCount += listed.count
      for principal in principals {
        let allowedKeys = keys.filter {
          evaluatorAllows(principal, inventory, bucket: bucket, key: $0, action: action)
        }
        #expect(
          allowedKeys.isEmpty == (listed[principal] == nil),
          "seed \(seed): \(principal) \(action) \(bucket.name): evaluator allows \(allowedKeys), who-can lists \(listed[principal] != nil)"
        )
        if listed[principal]?.coverage == .all {
          #expect(allowedKeys.count == keys.count, "seed \(seed): \(principal) \(bucket.name) coverage all")
        }
      }
    }
    let readers = graph.whoCan(QueryTarget("s3://\(bucket.name)/")!, actions: AccessLevel.read.s3Actions)
    readersByBucket[bucket.name] = Set(readers.principals.map(\.principal))
    chainedCount += readers.principals.filter { !$0.isDirect }.count
  }
  for principal in principals {
    let reachable = graph.canWhat(principal)
    for bucket in buckets {
      let readable =
        reachable.buckets.first { $0.bucket == bucket.name }?.levels.contains { $0.level == .read } ?? false
      #expect(
        readable == readersByBucket[bucket.name, default: []].contains(principal),
        "seed \(seed): can-what and who-can disagree on \(principal) reading \(bucket.name)")
    }
  }
  return (listedCount, chainedCount)
}
