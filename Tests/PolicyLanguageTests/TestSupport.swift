@testable import PolicyLanguage

/// Parses `text` as a policy of `kind` from a file named `test.json`.
func parsePolicy(_ text: String, kind: PolicyKind = .identity) -> PolicyParseResult {
  PolicyParser.parse(text: text, source: PolicySource(name: "test", file: "test.json"), kind: kind)
}

/// The one statement of a policy that must parse.
func onlyStatement(_ text: String, kind: PolicyKind = .identity) -> Statement? {
  let result = parsePolicy(text, kind: kind)
  guard let statements = result.document?.statements, statements.count == 1 else { return nil }
  return statements[0]
}

extension PolicyParseResult {
  var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
