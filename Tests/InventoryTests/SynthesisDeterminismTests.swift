import Foundation
import Inventory
import Testing

@Suite struct SynthesisDeterminismTests {
  @Test func sameSeedGivesIdenticalFiles() {
    let first = SynthesizedSnapshot(SynthesisOptions(seed: 42))
    let second = SynthesizedSnapshot(SynthesisOptions(seed: 42))
    #expect(first.files == second.files)
  }

  @Test func differentSeedGivesDifferentFiles() {
    let first = SynthesizedSnapshot(SynthesisOptions(seed: 1))
    let second = SynthesizedSnapshot(SynthesisOptions(seed: 2))
    #expect(first.synthesizer.accountIds != second.synthesizer.accountIds)
    #expect(first.files.map(\.contents) != second.files.map(\.contents))
  }

  @Test func accountsDoNotDependOnGenerationOrder() {
    let synthesizer = SnapshotSynthesizer(options: SynthesisOptions(accounts: 6, seed: 7))
    let backwards = (0..<6).reversed().map { synthesizer.accountFiles(at: $0) }.reversed()
    let forwards = (0..<6).map { synthesizer.accountFiles(at: $0) }
    #expect(Array(backwards) == forwards)
  }

  @Test func writerWritesIdenticalTreesAndCountsThem() throws {
    let options = SynthesisOptions(
      accounts: 5, rolesPerAccount: 16, usersPerAccount: 3, bucketsPerAccount: 11, seed: 9)
    let synthesized = SynthesizedSnapshot(options)
    var trees: [[String: Data]] = []
    for _ in 0..<2 {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synth-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: folder) }
      let progress = ProgressLog()
      let summary = try SynthesizedSnapshotWriter(synthesizer: synthesized.synthesizer)
        .write(to: folder) { progress.record($0) }
      #expect(summary.files == synthesized.files.count)
      #expect(summary.bytes == synthesized.files.reduce(0) { $0 + $1.contents.count })
      #expect(progress.values == [1, 2, 3, 4, 5])
      trees.append(try Self.readTree(folder))
    }
    #expect(trees[0] == trees[1])
    #expect(trees[0] == synthesized.byPath)
  }

  static func readTree(_ folder: URL) throws -> [String: Data] {
    var tree: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(
      at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    let root = folder.resolvingSymlinksInPath().path + "/"
    while let url = enumerator?.nextObject() as? URL {
      guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
      tree[String(url.resolvingSymlinksInPath().path.dropFirst(root.count))] = try Data(contentsOf: url)
    }
    return tree
  }
}

/// Progress values reported by the writer, from any thread.
private final class ProgressLog: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [Int] = []

  var values: [Int] { lock.withLock { recorded } }

  func record(_ value: Int) { lock.withLock { recorded.append(value) } }
}
