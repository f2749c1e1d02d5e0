import Foundation
import Testing

@Test(arguments: [
  ["gaps", "--format", "yaml"], ["gaps", "--fail-on", "severe"], ["gaps", "/nonexistent/snapshot-folder"],
])
func gapsRejectsBadInputWithStatusTwo(arguments: [String]) throws {
  let result = try TrustwalkBinary.run(arguments)
  #expect(result.status == 2)
  #expect(result.stderr.hasPrefix("trustwalk gaps: "))
  #expect(result.stdout.isEmpty)
}

@Test func gapsHelpNamesTheRulesAndFormats() throws {
  let result = try TrustwalkBinary.run(["gaps", "--help"])
  #expect(result.status == 0)
  for text in [
    "--format", "--fail-on", "sarif", "TW001 half-configured-identity-only", "TW010 public-acl-grant",
  ] {
    #expect(result.stdout.contains(text), "help should mention \(text)")
  }
}
