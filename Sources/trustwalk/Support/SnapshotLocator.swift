import ArgumentParser
import Foundation
import Inventory

/// Finds and loads the snapshot a query subcommand works on.
///
/// With an explicit SNAPSHOT folder, that folder is loaded. Without one, the bundled `SampleData/`
/// is used: it holds one snapshot per scenario (and scenarios reuse account ids), so each scenario
/// snapshot is tried in name order and the first one that holds what the query names (the bucket,
/// role, key or principal) answers; stderr says which one. File problems are reported on stderr
/// with their place, and loading goes on; a folder that cannot be read at all exits with status 2.
enum SnapshotLocator {
  static func load(_ explicit: String?, command: String, holding: (Inventory) -> Bool) throws -> Inventory {
    if let explicit { return try loadReporting(explicit, command: command) }
    guard let root = sampleDataRoot() else {
      fail(command, "no SNAPSHOT given and no SampleData/ folder found")
    }
    let folders = SnapshotLoader.isSnapshot(root) ? [root] : SnapshotLoader.snapshotFolders(in: root)
    var first: Inventory?
    for folder in folders {
      guard let inventory = try? SnapshotLoader.load(path: folder) else { continue }
      if first == nil { first = inventory }
      if holding(inventory) {
        report(inventory)
        FileHandle.standardError.write(Data("trustwalk \(command): using \(folder)\n".utf8))
        return inventory
      }
    }
    guard let first else { fail(command, "no snapshot could be loaded from \(root)") }
    report(first)
    FileHandle.standardError.write(
      Data(
        "trustwalk \(command): no SampleData snapshot holds the query's subject; using \(first.root)\n".utf8))
    return first
  }

  private static func loadReporting(_ path: String, command: String) throws -> Inventory {
    do {
      let inventory = try SnapshotLoader.load(path: path)
      if inventory.accounts.isEmpty { fail(command, "\(path): no account found") }
      report(inventory)
      return inventory
    } catch let error as SnapshotLoadError {
      fail(command, error.description)
    }
  }

  /// Prints every loading problem, located, on stderr.
  private static func report(_ inventory: Inventory) {
    guard !inventory.diagnostics.isEmpty else { return }
    let text = inventory.diagnostics.map(\.description).joined(separator: "\n") + "\n"
    FileHandle.standardError.write(Data(text.utf8))
  }

  static func fail(_ command: String, _ reason: String) -> Never {
    FileHandle.standardError.write(Data("trustwalk \(command): \(reason)\n".utf8))
    Foundation.exit(2)
  }

  /// `SampleData/` in the working directory, else next to the package the executable was built in.
  static func sampleDataRoot() -> String? {
    let manager = FileManager.default
    if manager.fileExists(atPath: "SampleData") { return "SampleData" }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<5 {
      let candidate = directory.appendingPathComponent("SampleData").path
      if manager.fileExists(atPath: candidate) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return nil
  }
}
