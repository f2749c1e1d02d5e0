import Foundation
import PolicyLanguage
import Testing

@testable import Inventory

/// Broken files: each problem is reported once with its place, and loading goes on with the rest.
@Suite struct SnapshotBadInputTests {
  let snapshot: TemporarySnapshot
  let details = "111111111111/iam/get-account-authorization-details.json"

  init() throws {
    snapshot = try TemporarySnapshot()
    try snapshot.write(
      "222222222222/iam/get-account-authorization-details.json", authorizationDetails(account: "222222222222")
    )
  }

  @Test func brokenJSONIsLocatedAndOtherAccountsStillLoad() throws {
    try snapshot.write(details, "{\n  \"UserDetailList\": []\n  \"RoleDetailList\": []\n}\n")
    let inventory = try snapshot.load()
    let problem = try #require(inventory.diagnostics(about: details).first)
    #expect(problem.severity == .error)
    #expect(problem.location == SourceLocation(line: 3, column: 3))
    #expect(problem.message.contains("expected ',' or '}'"))
    #expect(inventory.diagnostics(about: details).count == 1)
    #expect(inventory.account("111111111111") != nil)
    #expect(inventory.account("222222222222")?.roles.map(\.name) == ["App"])
  }

  @Test func aBrokenBucketPolicyLosesThatPolicyOnly() throws {
    try snapshot.write(details, authorizationDetails(account: "111111111111"))
    let broken = "111111111111/s3/buckets/broken/get-bucket-policy.json"
    try snapshot.write(
      broken, #"{"Policy": "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\"]}"}"#)
    try snapshot.write(
      "111111111111/s3/buckets/fine/get-bucket-policy.json",
      #"{"Policy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::fine/*\"}]}"}"#
    )
    let inventory = try snapshot.load()
    let account = try #require(inventory.account("111111111111"))
    #expect(account.roles.count == 1)
    #expect(account.buckets.map(\.name) == ["broken", "fine"])
    #expect(account.buckets[0].policy == nil)
    #expect(account.buckets[0].unrecordedSettings.contains(.policy))
    #expect(account.buckets[1].policy?.statements.count == 1)
    let problems = inventory.diagnostics(about: broken)
    #expect(!problems.isEmpty)
    #expect(problems.allSatisfy { $0.location != nil })
  }

  @Test func wrongTypesAreReportedWithTheirPointerAndTheEntryIsSkipped() throws {
    let text = authorizationDetails(account: "111111111111", roles: ["Broken", "Fine"])
      .replacingOccurrences(of: #""RoleName": "Broken""#, with: #""RoleName": 42"#)
    try snapshot.write(details, text)
    let inventory = try snapshot.load()
    let problem = try #require(inventory.diagnostics(about: details).first)
    #expect(problem.pointer == "/RoleDetailList/0/RoleName")
    #expect(problem.location?.line == 6)
    #expect(problem.message == "\"RoleName\" must be a string, found a number")
    #expect(inventory.account("111111111111")?.roles.map(\.name) == ["Fine"])
  }

  @Test func unknownFilesAreListedOnceAndIgnored() throws {
    try snapshot.write(details, authorizationDetails(account: "111111111111"))
    try snapshot.write("111111111111/notes.txt", "hello")
    try snapshot.write("111111111111/iam/get-role.json", "{}")
    try snapshot.write("111111111111/s3/buckets/b/get-bucket-tagging.json", "{}")
    try snapshot.write("111111111111/lambda/a.json", "{}")
    try snapshot.write("111111111111/lambda/b.json", "{}")
    try snapshot.write("notes/x.json", "{}")
    try snapshot.write("README.md", "# documentation is skipped")
    try snapshot.write("111111111111/.DS_Store", "hidden files are skipped")
    let inventory = try snapshot.load()
    #expect(
      inventory.unknownFiles == [
        snapshot.shown("notes/"), snapshot.shown("111111111111/iam/get-role.json"),
        snapshot.shown("111111111111/lambda/"), snapshot.shown("111111111111/notes.txt"),
        snapshot.shown("111111111111/s3/buckets/b/get-bucket-tagging.json"),
      ])
    #expect(inventory.diagnostics.isEmpty)
    #expect(inventory.bucket(named: "b") != nil)
  }

  @Test func emptyFoldersAreReported() throws {
    try snapshot.makeFolder("111111111111")
    try snapshot.makeFolder("222222222222/s3/buckets/empty-bucket")
    let inventory = try snapshot.load()
    #expect(inventory.account("111111111111") != nil)
    #expect(
      inventory.diagnostics(about: "111111111111/").map(\.message) == [
        "the folder is empty: nothing is recorded here"
      ])
    #expect(inventory.diagnostics(about: "empty-bucket/").count == 1)
    #expect(inventory.bucket(named: "empty-bucket")?.unrecordedSettings.contains(.acl) == true)
  }

  @Test func symbolicLinkLoopsAreReportedAndNotFollowed() throws {
    try snapshot.write(details, authorizationDetails(account: "111111111111"))
    try snapshot.link("111111111111/kms/keys/loop", to: "../..")
    try snapshot.link("111111111111/s3/buckets/a", to: "b")
    try snapshot.link("111111111111/s3/buckets/b", to: "a")
    try snapshot.link("111111111111/s3/buckets/gone", to: "/nonexistent/trustwalk")
    let inventory = try snapshot.load()
    #expect(inventory.diagnostics(about: "kms/keys/loop").map(\.severity) == [.warning])
    #expect(
      inventory.diagnostics(about: "buckets/a").map(\.message) == ["is a loop of symbolic links; not read"])
    #expect(inventory.diagnostics(about: "buckets/gone").first?.message.contains("does not exist") == true)
    #expect(inventory.account("111111111111")?.roles.count == 1)
  }

  @Test func aFolderWhereAFileBelongsIsAnError() throws {
    try snapshot.makeFolder(details)
    let inventory = try snapshot.load()
    #expect(
      inventory.diagnostics(about: details).map(\.message) == [
        "is a folder where a file was expected; not read"
      ])
  }

  @Test func aNamedPipeIsRefusedWithoutBlocking() throws {
    try snapshot.makeFolder("111111111111/iam")
    #expect(mkfifo(snapshot.shown(details), 0o644) == 0)
    let inventory = try snapshot.load()
    #expect(inventory.diagnostics(about: details).first?.message.contains("not a regular file") == true)
  }

  @Test func invalidUTF8IsLocated() throws {
    var bytes = Array(#"{"AccountAliases": ["caf"#.utf8)
    bytes += [0xE9] + Array(#""]}"#.utf8)
    let aliases = "111111111111/iam/list-account-aliases.json"
    try snapshot.write(aliases, bytes: bytes)
    let inventory = try snapshot.load()
    let problem = try #require(inventory.diagnostics(about: aliases).first)
    #expect(problem.message.contains("invalid UTF-8"))
    #expect(problem.location == SourceLocation(line: 1, column: 25))
  }

  @Test func utf16FilesAreNamedAsSuch() throws {
    let aliases = "111111111111/iam/list-account-aliases.json"
    try snapshot.write(
      aliases,
      bytes: [0xFF, 0xFE]
        + Array(#"{"AccountAliases": []}"#.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    let inventory = try snapshot.load()
    #expect(
      inventory.diagnostics(about: aliases).first?.message
        == "the file is UTF-16 text; JSON files must be UTF-8")
  }

  @Test func hugeFilesAreRefusedBeforeReading() throws {
    try snapshot.makeFolder("111111111111/iam")
    #expect(truncate(try snapshot.write(details, ""), 1_100_000_000) == 0)
    let policy = "111111111111/s3/buckets/big/get-bucket-policy.json"
    #expect(truncate(try snapshot.write(policy, ""), 70_000_000) == 0)
    let inventory = try snapshot.load()
    #expect(
      inventory.diagnostics(about: details).first?.message.contains("is 1100 MB, more than the 1000 MB")
        == true)
    #expect(
      inventory.diagnostics(about: policy).first?.message.contains("is 70 MB, more than the 64 MB") == true)
    #expect(inventory.bucket(named: "big")?.unrecordedSettings.contains(.policy) == true)
  }

  @Test(.enabled(if: getuid() != 0, "root reads every file")) func unreadableFilesAreReported() throws {
    let path = try snapshot.write(details, authorizationDetails(account: "111111111111"))
    #expect(chmod(path, 0) == 0)
    let inventory = try snapshot.load()
    #expect(
      inventory.diagnostics(about: details).first?.message == "the file cannot be read: permission denied")
  }
}
