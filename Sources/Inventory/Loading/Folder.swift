/// A folder of the snapshot being walked, with the folders above it (to refuse symbolic link loops).
struct Folder {
  /// One usable entry of a folder.
  enum Item {
    case file(name: String, path: String)
    case folder(Folder)
  }

  let name: String
  /// The path to open and to show (the snapshot root as given, joined with the relative path).
  let path: String
  /// The identities of this folder and every folder above it in the walk.
  let lineage: Set<FileIdentity>

  /// Joins a folder path and a name the way paths are shown: `./x` is shown as `x`.
  static func join(_ folder: String, _ name: String) -> String {
    if folder == "." { return name }
    if folder.hasSuffix("/") { return folder + name }
    return folder + "/" + name
  }

  /// The path of `name` inside this folder.
  func child(_ name: String) -> String { Self.join(path, name) }

  /// The usable entries, sorted by name. Hidden entries (`.DS_Store`, `.git`) and documentation
  /// (`*.md`) are skipped silently; unreadable folders, broken links, special files and links back
  /// to an enclosing folder are reported; an empty folder is reported as a warning.
  func items(log: LoadLog) -> [Item] {
    let entries: [FolderEntry]
    do {
      entries = try FileSystem.entries(of: path)
    } catch {
      log.error(path + "/", "the folder \(error.message)")
      return []
    }
    var items: [Item] = []
    for entry in entries where !entry.name.hasPrefix(".") && !entry.name.hasSuffix(".md") {
      let entryPath = child(entry.name)
      switch entry.kind {
      case .file:
        items.append(.file(name: entry.name, path: entryPath))
      case .folder(let identity):
        if lineage.contains(identity) {
          log.warning(entryPath, "is a symbolic link to a folder that encloses it (a loop); not followed")
        } else {
          items.append(.folder(Folder(name: entry.name, path: entryPath, lineage: lineage.union([identity]))))
        }
      case .special:
        log.error(entryPath, "is not a regular file (a device, pipe or socket); not read")
      case .broken(let reason):
        log.error(entryPath, reason + "; not read")
      }
    }
    if entries.isEmpty { log.warning(path + "/", "the folder is empty: nothing is recorded here") }
    return items
  }

  /// Reports an item that is not part of the layout (a folder once, with a trailing `/`). A folder
  /// named like a file (`….json`, `….txt`) is an error: the file it stands for cannot be read.
  static func reportUnknown(_ item: Item, log: LoadLog) {
    switch item {
    case .file(_, let path): log.unknown(path)
    case .folder(let folder) where folder.name.hasSuffix(".json") || folder.name.hasSuffix(".txt"):
      log.error(folder.path, "is a folder where a file was expected; not read")
    case .folder(let folder): log.unknown(folder.path + "/")
    }
  }
}
