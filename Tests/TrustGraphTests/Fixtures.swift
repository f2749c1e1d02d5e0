import Inventory
import PolicyLanguage

@testable import TrustGraph

/// Small hand-built snapshots for the graph tests.
enum Fixtures {
  static func policy(_ json: String, name: String = "test", kind: PolicyKind = .identity) -> PolicyDocument {
    let result = PolicyParser.parse(text: json, source: PolicySource(name: name), kind: kind)
    guard let document = result.document else { fatalError("fixture policy \(name): \(result.diagnostics)") }
    return document
  }

  static func allow(_ actions: String, _ resources: String, sid: String = "Grant", name: String = "inline")
    -> PolicyDocument
  {
    policy(
      #"{"Version":"2012-10-17","Statement":[{"Sid":"\#(sid)","Effect":"Allow","Action":\#(actions),"Resource":\#(resources)}]}"#,
      name: name)
  }

  static func trust(_ principal: String, conditions: String = "{}", sid: String = "Trust") -> PolicyDocument {
    policy(
      #"{"Version":"2012-10-17","Statement":[{"Sid":"\#(sid)","Effect":"Allow","Principal":\#(principal),"Action":"sts:AssumeRole","Condition":\#(conditions)}]}"#,
      name: "trust", kind: .trust)
  }

  static func bucketPolicy(_ bucket: String, _ statements: String) -> PolicyDocument {
    policy(
      #"{"Version":"2012-10-17","Statement":\#(statements)}"#, name: "bucket policy of \(bucket)",
      kind: .resource)
  }

  static func user(_ account: String, _ name: String, policies: [PolicyDocument] = [], groups: [String] = [])
    -> User
  {
    User(
      arn: "arn:aws:iam::\(account):user/\(name)", name: name, id: "AIDA\(name.uppercased())",
      groupNames: groups, inlinePolicies: policies)
  }

  static func role(
    _ account: String, _ name: String, trust: PolicyDocument, policies: [PolicyDocument] = [],
    instanceProfile: Bool = false
  ) -> Role {
    Role(
      arn: "arn:aws:iam::\(account):role/\(name)", name: name, id: "AROA\(name.uppercased())",
      trustPolicy: trust, inlinePolicies: policies,
      instanceProfileArns: instanceProfile ? ["arn:aws:iam::\(account):instance-profile/\(name)"] : [])
  }

  /// user bobbytables → account-a-s3-role (trust: account root) → PutObject foo/*, fighters/* in
  /// account B's bucket, whose policy allows foo*, fighters*.
  static var uploadOnly: Inventory {
    let role = role(
      "111111111111", "account-a-s3-role", trust: trust(#"{"AWS":"arn:aws:iam::111111111111:root"}"#),
      policies: [
        allow(
          #"["s3:PutObject","s3:PutObjectAcl"]"#,
          #"["arn:aws:s3:::account-b-bucket/foo/*","arn:aws:s3:::account-b-bucket/fighters/*"]"#,
          sid: "UploadFooAndFighters")
      ])
    let user = user(
      "111111111111", "bobbytables",
      policies: [allow(#""sts:AssumeRole""#, #""\#(role.arn)""#, sid: "AssumeUploadRole")])
    let bucket = Bucket(
      name: "account-b-bucket", account: "222222222222",
      policy: bucketPolicy(
        "account-b-bucket",
        #"[{"Sid":"AllowAccountARoleUploads","Effect":"Allow","Principal":{"AWS":"\#(role.arn)"},"Action":["s3:PutObject","s3:PutObjectAcl"],"Resource":["arn:aws:s3:::account-b-bucket/foo*","arn:aws:s3:::account-b-bucket/fighters*"]}]"#
      ), objectOwnership: "BucketOwnerEnforced")
    return Inventory(accounts: [
      Account(id: "111111111111", users: [user], roles: [role]),
      Account(id: "222222222222", buckets: [bucket]),
    ])
  }
}
