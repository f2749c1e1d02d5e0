import Foundation
import Testing

/// A valid request whose identity policy has `text` spliced in as its statement list.
private func request(statements: String) -> String {
  """
  {"request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "s3:GetObject",
               "resource": "arn:aws:s3:::b/k"},
   "identityPolicies": [{"Version": "2012-10-17", "Statement": \(statements)}]}
  """
}

@Test(arguments: [
  ("duplicate key", #"[{"Effect": "Allow", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]"#),
  ("empty statement list", "[]"),
])
func requestsWithPolicyWarningsAreRefusedWithTheirPlace(name: String, statements: String) throws {
  let result = try TrustwalkBinary.run(
    ["simulate", "--request", "-"], stdin: request(statements: statements))
  #expect(result.status == 2, "\(name): \(result.stdout)")
  #expect(result.stderr.contains("<stdin>:"), "\(name): \(result.stderr)")
  #expect(result.stdout.isEmpty)
}

@Test func allowWarningsEvaluatesDespiteWarnings() throws {
  let statements = #"[{"Effect": "Allow", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]"#
  let result = try TrustwalkBinary.run(
    ["simulate", "--request", "-", "--allow-warnings"], stdin: request(statements: statements))
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout.hasPrefix("decision: allow"))
  #expect(result.stderr.contains("warning"))
}

@Test func byteOrderMarkInsideAPolicyStringIsRefused() throws {
  let text = #"""
    {"request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "s3:GetObject",
                 "resource": "arn:aws:s3:::b/k"},
     "identityPolicies": ["\uFEFF{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}"]}
    """#
  let result = try TrustwalkBinary.run(["simulate", "--request", "-"], stdin: text)
  #expect(result.status == 2, "\(result.stdout)")
  #expect(result.stderr.contains("<stdin>:"), "\(result.stderr)")
}

@Test func usageErrorsExitWithTwo() throws {
  let missing = try TrustwalkBinary.run(["simulate"])
  #expect(missing.status == 2)
  #expect(missing.stderr.contains("--request"))
  let badValue = try TrustwalkBinary.run(["who-can", "s3://b/", "--access", "sideways"])
  #expect(badValue.status == 2)
}

@Test func refusalNamesTheWayOut() throws {
  let statements = #"[{"Effect": "Allow", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]"#
  let result = try TrustwalkBinary.run(
    ["simulate", "--request", "-"], stdin: request(statements: statements))
  #expect(result.status == 2)
  #expect(result.stderr.contains("refused: 1 warning"))
  #expect(result.stderr.contains("--allow-warnings"))
}

@Test func unknownRequestKeysAreReportedButNeverRefuse() throws {
  let text = """
    {"request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "s3:GetObject",
                 "resource": "arn:aws:s3:::b/k", "futureField": 1},
     "identityPolicies": [{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}],
     "extraTopLevel": true}
    """
  let result = try TrustwalkBinary.run(["simulate", "--request", "-"], stdin: text)
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout.hasPrefix("decision: allow"))
  #expect(result.stderr.contains("unknown key \"extraTopLevel\" is ignored"))
  #expect(result.stderr.contains("unknown key \"futureField\" is ignored"))
}

/// A request on something that is no ARN is refused at its place, not answered "implicitDeny";
/// a request with an error says no decision is made; a folder is named as such.
@Test func requestErrorsAreRefusedAndSaySo() throws {
  let text = """
    {"request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "s3:GetObject",
                 "resource": "not-an-arn"},
     "identityPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}]}
    """
  let result = try TrustwalkBinary.run(["simulate", "--request", "-"], stdin: text)
  #expect(result.status == 2)
  #expect(result.stdout.isEmpty)
  #expect(result.stderr.contains("<stdin>:2:26:"), "\(result.stderr)")
  #expect(result.stderr.contains("resource must be an ARN"))
  #expect(result.stderr.contains("(at /request/resource)"))
  #expect(result.stderr.contains("refused: 1 error in the request; no decision is made"))
  let folder = try TrustwalkBinary.run(["simulate", "--request", FileManager.default.temporaryDirectory.path])
  #expect(folder.status == 2)
  #expect(folder.stderr.contains("cannot read the request file (it is a folder)"))
}
