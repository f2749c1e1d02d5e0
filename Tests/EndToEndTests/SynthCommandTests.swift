import Foundation
import Testing

@Suite struct SynthCommandTests {
  static func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("trustwalk-synth-\(UUID().uuidString)")
  }

  /// Relative path -> bytes of every regular file under `folder`.
  static func tree(_ folder: URL) throws -> [String: Data] {
    var tree: [String: Data] = [:]
    let root = folder.resolvingSymlinksInPath().path + "/"
    let enumerator = FileManager.default.enumerator(
      at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
      tree[String(url.resolvingSymlinksInPath().path.dropFirst(root.count))] = try Data(contentsOf: url)
    }
    return tree
  }

  static func synth(_ folder: URL, seed: Int) throws -> TrustwalkBinary.Result {
    try TrustwalkBinary.run([
      "synth", folder.path, "--accounts", "5", "--roles", "18", "--users", "4", "--buckets", "4", "--seed",
      "\(seed)",
    ])
  }

  @Test func sameSeedWritesByteIdenticalSnapshots() throws {
    let first = Self.temporaryFolder()
    let second = Self.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    let run = try Self.synth(first, seed: 11)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("wrote 5 accounts"))
    #expect(run.stderr.contains("5/5 accounts written"))
    #expect(try Self.synth(second, seed: 11).status == 0)
    let firstTree = try Self.tree(first)
    #expect(firstTree.keys.contains("organizations/list-accounts.json"))
    #expect(firstTree.keys.filter { $0.hasSuffix("/iam/get-account-authorization-details.json") }.count == 5)
    #expect(firstTree == (try Self.tree(second)))
  }

  @Test func differentSeedWritesADifferentOrganization() throws {
    let first = Self.temporaryFolder()
    let second = Self.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    #expect(try Self.synth(first, seed: 1).status == 0)
    #expect(try Self.synth(second, seed: 2).status == 0)
    let firstTree = try Self.tree(first)
    let secondTree = try Self.tree(second)
    func accounts(_ tree: [String: Data]) -> Set<Substring> {
      Set(tree.keys.map { $0.split(separator: "/")[0] }.filter { $0 != "organizations" })
    }
    #expect(accounts(firstTree).count == 5)
    #expect(accounts(firstTree).isDisjoint(with: accounts(secondTree)))
    #expect(firstTree["organizations/list-accounts.json"] != secondTree["organizations/list-accounts.json"])
  }

  @Test func refusesAFolderThatIsNotEmpty() throws {
    let folder = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    let run = try Self.synth(folder, seed: 1)
    #expect(run.status == 2)
    #expect(run.stderr.contains("not empty"))
    #expect(try Self.tree(folder).keys.sorted() == ["notes.txt"])
  }

  @Test func rejectsSizesOutOfRange() throws {
    let folder = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try TrustwalkBinary.run(["synth", folder.path, "--accounts", "0"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("number of accounts"))
    #expect(!FileManager.default.fileExists(atPath: folder.path))
  }
}
