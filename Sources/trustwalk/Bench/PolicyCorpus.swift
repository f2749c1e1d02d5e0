/// Policy JSON generated in memory for `bench parse`: many realistic bucket policies (cross-account
/// grants by prefix, TLS and organization guards, conditions of several operators) and one large
/// policy. Deterministic: the same counts give the same bytes.
struct PolicyCorpus {
  /// The bucket policies, each the bytes of one file.
  let bucketPolicies: [[UInt8]]
  /// One policy of many statements (far beyond AWS's size limits, to exercise long documents).
  let largePolicy: [UInt8]

  init(bucketPolicies count: Int, largePolicyStatements: Int) {
    bucketPolicies = (0..<count).map { Array(Self.bucketPolicy($0).utf8) }
    largePolicy = Array(Self.document((0..<largePolicyStatements).map(Self.statement)).utf8)
  }

  /// Bytes of all bucket policies together.
  var bucketPolicyBytes: Int { bucketPolicies.reduce(0) { $0 + $1.count } }

  /// Four to nine statements: a TLS guard, an organization guard, and grants to other accounts' roles.
  private static func bucketPolicy(_ number: Int) -> String {
    let bucket = "bucket-\(number)-data"
    var statements = [
      """
      {
            "Sid": "DenyInsecureTransport",
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:*",
            "Resource": ["arn:aws:s3:::\(bucket)", "arn:aws:s3:::\(bucket)/*"],
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}
          }
      """,
      """
      {
            "Sid": "DenyOutsideOrganization",
            "Effect": "Deny",
            "Principal": {"AWS": "*"},
            "Action": ["s3:PutObject", "s3:DeleteObject"],
            "Resource": "arn:aws:s3:::\(bucket)/*",
            "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": ["o-a1b2c3d4e5"]}}
          }
      """,
    ]
    statements += (0..<(2 + number % 6)).map { grant in
      let account = String(100_000_000_000 + (number * 7 + grant * 13) % 1000)
      return """
        {
              "Sid": "Grant\(grant)Team\(number % 17)",
              "Effect": "Allow",
              "Principal": {"AWS": ["arn:aws:iam::\(account):role/team-\(grant)/writer", "\(account)"]},
              "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
              "Resource": ["arn:aws:s3:::\(bucket)", "arn:aws:s3:::\(bucket)/team-\(grant)/*"],
              "Condition": {
                "StringLike": {"s3:prefix": ["team-\(grant)/", "team-\(grant)/*"]},
                "IpAddress": {"aws:SourceIp": ["10.\(grant).0.0/16", "2001:db8::/32"]},
                "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}
              }
            }
        """
    }
    return document(statements)
  }

  /// One statement of the large policy; every fifth has a NotAction, every seventh a NotPrincipal.
  private static func statement(_ index: Int) -> String {
    let account = String(200_000_000_000 + index % 1000)
    let principal =
      index % 7 == 0
      ? "\"NotPrincipal\": {\"AWS\": \"arn:aws:iam::\(account):root\"}"
      : "\"Principal\": {\"AWS\": \"arn:aws:iam::\(account):role/r\(index)\", \"Service\": \"lambda.amazonaws.com\"}"
    let action =
      index % 5 == 0
      ? "\"NotAction\": [\"s3:DeleteBucket\", \"s3:PutBucketPolicy\"]" : "\"Action\": \"s3:Get*\""
    return """
      {"Sid": "S\(index)", "Effect": "\(index % 3 == 0 ? "Deny" : "Allow")", \(principal), \(action),
          "Resource": "arn:aws:s3:::large-bucket/p\(index)/*",
          "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["t\(index % 11)", "ops"]}, "NumericLessThan": {"s3:max-keys": "\(index)"}}}
      """
  }

  private static func document(_ statements: [String]) -> String {
    """
    {
      "Version": "2012-10-17",
      "Id": "bench",
      "Statement": [
        \(statements.joined(separator: ",\n    "))
      ]
    }
    """
  }
}
