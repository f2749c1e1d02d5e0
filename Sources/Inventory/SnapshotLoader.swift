import PolicyLanguage

/// Reads a snapshot folder (aws CLI layout, or an iam-collect store) into an `Inventory`.
public enum SnapshotLoader {
  /// Loads the snapshot at `path`. Problems in files become diagnostics; only a folder that cannot
  /// be read at all throws.
  public static func load(path: String) throws -> Inventory {
    Inventory(root: path)
  }
}
