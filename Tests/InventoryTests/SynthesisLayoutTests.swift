import Foundation
import Inventory
import Testing

@Suite struct SynthesisLayoutTests {
  static let snapshot = SynthesizedSnapshot(SynthesisOptions())

  /// Every file kind of design.md's snapshot layout, and nothing else.
  static let layout: [String] = [
    #"\d{12}/iam/get-account-authorization-details\.json"#,
    #"\d{12}/iam/list-account-aliases\.json"#,
    #"\d{12}/sts/get-caller-identity\.json"#,
    #"\d{12}/s3/list-buckets\.json"#,
    #"\d{12}/s3/buckets/[a-z0-9.-]{3,63}/get-(bucket-policy|bucket-ownership-controls|public-access-block|bucket-acl|bucket-encryption|bucket-policy-status)(\.json|\.error\.txt)"#,
    #"\d{12}/s3control/get-public-access-block(\.json|\.error\.txt)"#,
    #"\d{12}/kms/keys/[0-9a-f-]{36}/(get-key-policy|describe-key)\.json"#,
    #"organizations/(describe-organization|list-accounts|list-roots)\.json"#,
    #"organizations/ous/ou-[0-9a-z]{4}-[0-9a-z]{8}/describe-organizational-unit\.json"#,
    #"organizations/parents/(\d{12}|ou-[0-9a-z]{4}-[0-9a-z]{8})/list-parents\.json"#,
    #"organizations/policies/p-[0-9A-Za-z]+/(describe-policy|list-targets-for-policy)\.json"#,
  ]

  @Test func everyPathIsInTheLayout() throws {
    let patterns = try Self.layout.map { try Regex($0) }
    for file in Self.snapshot.files {
      #expect(patterns.contains { file.path.wholeMatch(of: $0) != nil }, "\(file.path) is not in the layout")
    }
  }

  @Test func everyJSONFileParsesAndEveryErrorFileIsCLIErrorText() throws {
    for file in Self.snapshot.files {
      if file.path.hasSuffix(".error.txt") {
        let text = String(decoding: file.contents, as: UTF8.self)
        #expect(text.hasPrefix("\nAn error occurred ("), "\(file.path)")
      } else {
        #expect(throws: Never.self, "\(file.path)") { try JSONSerialization.jsonObject(with: file.contents) }
        #expect(file.contents.last == UInt8(ascii: "\n"))
      }
    }
  }

  @Test func filesArePrettyPrintedLikeTheCLI() throws {
    let account = Self.snapshot.synthesizer.accountIds[0]
    let aliases =
      try Self.snapshot.object("\(account)/iam/list-account-aliases.json")["AccountAliases"] as? [String]
    let alias = try #require(aliases?.first)
    let expected = "{\n    \"AccountAliases\": [\n        \"\(alias)\"\n    ]\n}\n"
    #expect(Self.snapshot.byPath["\(account)/iam/list-account-aliases.json"] == Data(expected.utf8))
  }

  @Test func sizesAreHonoured() throws {
    let options = SynthesisOptions(
      accounts: 4, rolesPerAccount: 25, usersPerAccount: 7, bucketsPerAccount: 12, seed: 3)
    let snapshot = SynthesizedSnapshot(options)
    #expect(snapshot.synthesizer.accountIds.count == 4)
    let listed = try snapshot.object("organizations/list-accounts.json")["Accounts"] as? [[String: Any]] ?? []
    #expect(listed.compactMap { $0["Id"] as? String } == snapshot.synthesizer.accountIds)
    for account in snapshot.synthesizer.accountIds {
      #expect(try snapshot.details(account, "RoleDetailList").count == 25)
      #expect(try snapshot.details(account, "UserDetailList").count == 7)
      let buckets =
        try snapshot.object("\(account)/s3/list-buckets.json")["Buckets"] as? [[String: Any]] ?? []
      #expect(buckets.count == 12)
      let folders = Set(snapshot.paths(under: "\(account)/s3/buckets").map { $0.split(separator: "/")[3] })
      #expect(folders.count == 12)
      #expect(Set(buckets.compactMap { $0["Name"] as? String }) == Set(folders.map(String.init)))
    }
  }

  @Test func tinyOrganizationsStillWork() throws {
    let snapshot = SynthesizedSnapshot(
      SynthesisOptions(accounts: 1, rolesPerAccount: 0, usersPerAccount: 0, bucketsPerAccount: 0))
    let account = try #require(snapshot.synthesizer.accountIds.first)
    #expect(try snapshot.details(account, "RoleDetailList").isEmpty)
    #expect(snapshot.byPath["organizations/describe-organization.json"] != nil)
  }

  @Test func optionsOutOfRangeAreExplained() {
    #expect(SynthesisOptions(accounts: 0).problem?.contains("accounts") == true)
    #expect(SynthesisOptions(rolesPerAccount: -1).problem?.contains("roles") == true)
    #expect(SynthesisOptions().problem == nil)
  }

  @Test func everyBucketHasOneAnswerPerCommand() {
    let commands = [
      "get-bucket-policy", "get-bucket-ownership-controls", "get-public-access-block", "get-bucket-acl",
      "get-bucket-encryption", "get-bucket-policy-status",
    ]
    let bucketFiles = Dictionary(
      grouping: Self.snapshot.files.map(\.path).filter { $0.contains("/s3/buckets/") }
    ) {
      $0.split(separator: "/").prefix(4).joined(separator: "/")
    }
    #expect(!bucketFiles.isEmpty)
    for (bucket, paths) in bucketFiles {
      let answered = paths.map { $0.split(separator: "/").last!.split(separator: ".").first! }.sorted()
      #expect(answered == commands.map { Substring($0) }.sorted(), "\(bucket)")
    }
  }
}
