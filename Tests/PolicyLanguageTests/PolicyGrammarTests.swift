import Testing

@testable import PolicyLanguage

@Test func parsesStatementObjectAndLists() throws {
  let result = parsePolicy(
    #"{"Version":"2012-10-17","Id":"p1","Statement":{"Sid":"Read","Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"arn:aws:s3:::bkt/*"}}"#
  )
  #expect(result.diagnostics.isEmpty)
  let document = try #require(result.document)
  #expect(document.version == .v2012_10_17)
  #expect(document.id == "p1")
  let statement = try #require(document.statements.first)
  #expect(statement.sid == "Read")
  #expect(statement.effect == .allow)
  #expect(statement.action.applies(to: "S3:getobject"))
  #expect(!statement.action.applies(to: "s3:PutObject"))
  #expect(statement.resource?.applies(to: "arn:aws:s3:::bkt/a/b") == true)
  #expect(statement.location == SourceLocation(line: 1, column: 47))
}

@Test func parsesStatementArrayWithNegatedElements() throws {
  let text = """
    {
      "Statement": [
        {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "s3:GetObject", "NotResource": ["arn:aws:s3:::bkt/public/*"]}
      ]
    }
    """
  let document = try #require(parsePolicy(text).document)
  #expect(document.version == .unspecified)
  #expect(document.statements.count == 2)
  #expect(document.statements[0].action.negated)
  #expect(document.statements[0].action.applies(to: "s3:PutBucketPolicy"))
  #expect(document.statements[1].index == 1)
  #expect(document.statements[1].location == SourceLocation(line: 4, column: 5))
  #expect(document.statements[1].resource?.applies(to: "arn:aws:s3:::other/x") == true)
  #expect(document.statements[1].resource?.applies(to: "arn:aws:s3:::bkt/public/x") == false)
}

@Test func reportsEffectTypoWithPlaceAndKeepsTheRest() throws {
  let text = """
    {"Statement": [
      {"Effect": "allow ", "Action": "s3:*", "Resource": "*"},
      {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
    ]}
    """
  let result = parsePolicy(text)
  let error = try #require(result.errors.first)
  #expect(
    error.description
      == #"test.json:2:14: error: Effect must be "Allow" or "Deny", found "allow "; statement dropped (at /Statement/0/Effect)"#
  )
  #expect(result.document?.statements.map(\.index) == [1])
}

@Test func nothingUsableGivesNoDocument() {
  let result = parsePolicy(#"{"Statement": [{"Effect": "Permit", "Action": "s3:*", "Resource": "*"}]}"#)
  #expect(result.document == nil)
  #expect(result.errors.count == 1)
}

@Test(arguments: [
  (#"{"Statement": {"Effect": "Allow", "Resource": "*"}}"#, "no Action"),
  (#"{"Statement": {"Effect": "Allow", "Action": "s3:*"}}"#, "no Resource"),
  (#"{"Statement": {"Action": "s3:*", "Resource": "*"}}"#, "no Effect"),
  (
    #"{"Statement": {"Effect": "Allow", "Action": "s3:*", "NotAction": "s3:*", "Resource": "*"}}"#,
    "both Action"
  ),
  (#"{"Statement": {"Effect": "Allow", "Action": [], "Resource": "*"}}"#, "no usable entry"),
  (#"{"Statement": {"Effect": "Allow", "Action": 3, "Resource": "*"}}"#, "must be a string or an array"),
  (
    #"{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Principal": "*"}}"#, "not allowed"
  ),
  (#"{"Statement": "x"}"#, "Statement must be an object"),
  (#"{"Version": "2012-10-17"}"#, "no Statement"),
  (#"[1]"#, "must be a JSON object"),
])
func reportsFatalProblems(text: String, expected: String) {
  let result = parsePolicy(text)
  #expect(result.document == nil)
  #expect(result.errors.contains { $0.message.contains(expected) }, "\(result.diagnostics)")
}

@Test func rejectsUnknownVersionButKeepsDocument() throws {
  let result = parsePolicy(
    #"{"Version": "2012-10-18", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"#)
  #expect(result.document?.version == .unspecified)
  let error = try #require(result.errors.first)
  #expect(error.message.hasPrefix(#"Version must be "2012-10-17" or "2008-10-17", found "2012-10-18""#))
  #expect(error.pointer == "/Version")
}

@Test func warnsAboutUnknownElementsAndWrongCase() throws {
  let result = parsePolicy(
    #"{"Statement": {"effect": "Allow", "Action": "s3:*", "Resource": "*", "Frobnicate": 1}, "Extra": 2}"#)
  #expect(result.errors.isEmpty)
  #expect(result.document?.statements.count == 1)
  #expect(result.warnings.map(\.pointer) == ["/Extra", "/Statement/effect", "/Statement/Frobnicate"])
}

@Test func duplicateKeysKeepTheLastWithAWarning() throws {
  let result = parsePolicy(
    #"{"Statement": {"Effect": "Deny", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"#)
  #expect(result.document?.statements.first?.effect == .allow)
  #expect(result.warnings.contains { $0.message.contains("duplicate key \"Effect\"") })
}

@Test func emptyStatementArrayIsAnEmptyPolicyWithAWarning() throws {
  let result = parsePolicy(#"{"Statement": []}"#)
  #expect(result.document?.statements.isEmpty == true)
  #expect(result.warnings.first?.location == SourceLocation(line: 1, column: 15))
}

@Test func decodesJSONStringAndURLEncodedText() throws {
  let plain = #"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a+b/*"}}"#
  let quoted = "\"" + plain.replacing("\"", with: "\\\"") + "\""
  var encoded = ""
  for byte in plain.utf8 {
    let isUnreserved =
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
      || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2B
    encoded += isUnreserved ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true)
  }
  for text in [plain, quoted, encoded] {
    let result = parsePolicy(text)
    #expect(result.diagnostics.isEmpty, "\(text)")
    let statement = try #require(result.document?.statements.first)
    #expect(statement.resource?.applies(to: "arn:aws:s3:::a+b/key") == true, "'+' is not a space: \(text)")
  }
}

@Test func reportsBadPercentEscape() {
  let result = parsePolicy("%7B%ZZ")
  #expect(result.document == nil)
  #expect(result.errors.first?.message.contains("%-escape") == true)
}

@Test func nodeVariantLocatesStatementsInTheFile() throws {
  let file = """
    {"Policies": [
      {"Name": "p", "Document": {"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}}
    ]}
    """
  let bytes = Array(file.utf8)
  let root = try JSONReader.parse(bytes)
  let node = try #require(root["Policies"]?.elements?.first?["Document"])
  let result = PolicyParser.parse(
    node: node, lines: LineIndex(bytes),
    source: PolicySource(name: "p", file: "f.json", pointer: "/Policies/0/Document"),
    kind: .identity)
  #expect(result.document?.statements.first?.location == SourceLocation(line: 2, column: 43))
}

@Test func nodeVariantDecodesEmbeddedStringsAndPlacesErrorsAtTheString() throws {
  let file = """
    {
      "Policy": "{\\"Statement\\": {\\"Effect\\": \\"Alow\\", \\"Action\\": \\"s3:*\\", \\"Resource\\": \\"*\\"}}"
    }
    """
  let bytes = Array(file.utf8)
  let root = try JSONReader.parse(bytes)
  let node = try #require(root["Policy"])
  let result = PolicyParser.parse(
    node: node, lines: LineIndex(bytes),
    source: PolicySource(name: "bucket policy", file: "b.json", pointer: "/Policy"),
    kind: .resource)
  let error = try #require(result.errors.first)
  #expect(error.file == "b.json")
  #expect(error.location == SourceLocation(line: 2, column: 13))
  #expect(error.pointer == "/Policy/Statement/Effect")
  #expect(error.message.contains("policy text 1:26"))
}

@Test func embeddedDocumentRecordsWhereTheStringIs() throws {
  let file =
    #"{"Policy": "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}"}"#
  let bytes = Array(file.utf8)
  let node = try #require(try JSONReader.parse(bytes)["Policy"])
  let result = PolicyParser.parse(
    node: node, lines: LineIndex(bytes), source: PolicySource(name: "b", file: "b.json"), kind: .resource)
  let document = try #require(result.document)
  #expect(document.source.embeddedAt == SourceLocation(line: 1, column: 12))
  #expect(document.statements.first?.location == SourceLocation(line: 1, column: 15))
}

@Test func kindRules() {
  let withoutPrincipal = #"{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}"#
  #expect(
    parsePolicy(withoutPrincipal, kind: .resource).errors.first?.message.contains("needs a Principal") == true
  )
  #expect(parsePolicy(withoutPrincipal, kind: .serviceControl).diagnostics.isEmpty)
  let trust =
    #"{"Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}}"#
  #expect(parsePolicy(trust, kind: .trust).diagnostics.isEmpty)
  #expect(parsePolicy(trust, kind: .resource).errors.first?.message.contains("no Resource") == true)
  let notPrincipal =
    #"{"Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}}"#
  #expect(
    parsePolicy(notPrincipal, kind: .trust).errors.first?.message.contains("NotPrincipal is not allowed")
      == true)
  let bucket =
    #"{"Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"}}"#
  #expect(parsePolicy(bucket, kind: .resource).document?.statements.first?.principal?.negated == true)
}

@Test func warnsWhenVariablesAreLiteralBecauseOfTheVersion() {
  let resource =
    #""Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/${aws:username}/*"}}"#
  let old = parsePolicy("{" + resource)
  #expect(old.warnings.first?.message.contains("policy variables need") == true)
  #expect(old.warnings.first?.pointer == "/Statement/Resource")
  #expect(parsePolicy(#"{"Version": "2012-10-17", "# + resource).diagnostics.isEmpty)
}
