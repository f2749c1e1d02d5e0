import Foundation
import Testing

@testable import PolicyLanguage

/// The bad-input corpus next to this file.
private let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
  "BadInput")

private func parseCorpusFile(_ name: String, kind: PolicyKind = .identity) throws -> PolicyParseResult {
  let bytes = try [UInt8](Data(contentsOf: corpus.appendingPathComponent(name)))
  return PolicyParser.parse(bytes: bytes, source: PolicySource(name: name, file: name), kind: kind)
}

/// (file, whether a document survives, severity, line of the first diagnostic, part of its message)
@Test(arguments: [
  ("truncated.json", false, Diagnostic.Severity.error, 11, "control character U+0A inside a string"),
  ("wrong-types.json", false, .error, 4, "Action must be a string or an array of strings, found an object"),
  ("effect-typo.json", true, .error, 12, #"Effect must be "Allow" or "Deny", found "allow ""#),
  ("empty-statement.json", true, .warning, 3, "Statement is empty"),
  ("duplicate-keys.json", true, .warning, 7, #"duplicate key "Effect""#),
  ("bom.json", true, .warning, 1, "byte-order mark"),
  ("invalid-utf8.json", false, .error, 3, "invalid UTF-8"),
  ("empty-file.json", false, .error, 1, "empty"),
  ("not-json.json", false, .error, 1, "expected a value"),
  ("url-encoded-truncated.txt", false, .error, 1, "in the URL-decoded policy text"),
])
func badInputGivesALocatedDiagnostic(
  file: String, keepsDocument: Bool, severity: Diagnostic.Severity, line: Int, message: String
) throws {
  let result = try parseCorpusFile(file)
  #expect((result.document != nil) == keepsDocument, "\(result.diagnostics)")
  let first = try #require(result.diagnostics.first)
  #expect(first.severity == severity)
  #expect(first.file == file)
  #expect(first.location?.line == line, "\(first)")
  #expect(first.message.contains(message), "\(first)")
}

@Test func wrongTypesReportEveryStatement() throws {
  let result = try parseCorpusFile("wrong-types.json")
  #expect(
    result.errors.map(\.pointer) == [
      "/Statement/0/Action", "/Statement/1/Effect", "/Statement/2/Resource", "/Statement/3",
    ])
  #expect(result.document == nil)
}

@Test func duplicateKeysTakeTheLastValue() throws {
  let result = try parseCorpusFile("duplicate-keys.json")
  #expect(result.document?.statements.first?.effect == .allow)
}

@Test func deepNestingIsRejectedWithoutCrashing() {
  let deep =
    #"{"Statement": "# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
  let result = parsePolicy(deep)
  #expect(result.document == nil)
  #expect(result.errors.first?.message.contains("nesting deeper") == true)
  #expect(result.errors.first?.location != nil)
}

@Test func deeplyNestedConditionValuesAreRejectedNotRecursed() {
  let nested = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
  let text =
    #"{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"k": "#
    + nested + "}}}}"
  let result = parsePolicy(text)
  #expect(result.document?.statements.first?.conditions.first?.op.base == .unknown)
}

/// A policy of about `megabytes` MB: many statements with conditions.
func largePolicy(megabytes: Int) -> String {
  var parts: [String] = []
  var size = 0
  while size < megabytes * 1_000_000 {
    let index = parts.count
    let statement =
      #"{"Sid": "S\#(index)", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "#
      + #""Resource": "arn:aws:s3:::bucket-\#(index)/prefix/*", "Condition": {"StringEquals": "#
      + #"{"aws:PrincipalOrgID": "o-abc123"}, "IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}"#
    size += statement.utf8.count + 2
    parts.append(statement)
  }
  return #"{"Version": "2012-10-17", "Statement": ["# + parts.joined(separator: ",\n") + "]}"
}

@Test func fiveMegabytePolicyParsesAndATruncatedOneIsLocated() throws {
  let text = largePolicy(megabytes: 5)
  let result = parsePolicy(text)
  #expect(result.diagnostics.isEmpty)
  #expect((result.document?.statements.count ?? 0) > 10_000)
  let truncated = parsePolicy(String(text.dropLast(40)))
  #expect(truncated.document == nil)
  let lastLine = text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
  #expect(truncated.errors.first?.location?.line == lastLine)
}
