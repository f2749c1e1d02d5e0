import PolicyLanguage

/// Reads a snapshot folder (aws CLI layout, or an iam-collect store) into an `Inventory`.
///
/// Paths in diagnostics, `unknownFiles` and policy sources are the snapshot path as given, joined
/// with the path inside the snapshot (`snap/111111111111/iam/get-account-authorization-details.json`),
/// so that they can be opened from where the command was run. Accounts are read in parallel and
/// merged in account-id order, so the result does not depend on scheduling.
public enum SnapshotLoader {
  /// Loads the snapshot at `path`. Problems in files become diagnostics and loading goes on; only a
  /// folder that cannot be read at all, or holds no account, throws a `SnapshotLoadError`.
  public static func load(path: String) throws -> Inventory {
    let identity: FileIdentity
    do {
      identity = try FileSystem.folderIdentity(path)
    } catch {
      throw SnapshotLoadError(path: path, reason: "the snapshot folder \(error.message)")
    }
    let root = Folder(name: path, path: path, lineage: [identity])
    if let store = IamCollectStore.locate(path) {
      return try IamCollectLoader(store: store, root: path).load()
    }
    return try CLILayoutLoader(root: root).load()
  }

  /// Whether `path` holds a snapshot: 12-digit account folders, or an iam-collect store.
  public static func isSnapshot(_ path: String) -> Bool {
    if IamCollectStore.locate(path) != nil { return true }
    guard let entries = try? FileSystem.entries(of: path) else { return false }
    return entries.contains { entry in
      if case .folder = entry.kind { return AccountID.isValid(entry.name) }
      return false
    }
  }

  /// When `path` is not a snapshot itself, the sub-folders that are (for example SampleData, one
  /// snapshot per scenario), sorted by name; empty otherwise.
  public static func snapshotFolders(in path: String) -> [String] {
    guard !isSnapshot(path), let entries = try? FileSystem.entries(of: path) else { return [] }
    return entries.compactMap { entry in
      guard case .folder = entry.kind, !entry.name.hasPrefix(".") else { return nil }
      let child = Folder.join(path, entry.name)
      return isSnapshot(child) ? child : nil
    }
  }
}

/// Why a snapshot could not be loaded at all.
public struct SnapshotLoadError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): \(reason)" }
}

/// Account ids: exactly 12 decimal digits.
enum AccountID {
  static func isValid(_ text: String) -> Bool {
    text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }
}
