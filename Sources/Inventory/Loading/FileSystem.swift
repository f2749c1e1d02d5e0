#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The identity of a file system object, to recognise a folder reached twice (symbolic link loops).
struct FileIdentity: Hashable, Sendable {
  var device: UInt64
  var inode: UInt64
}

/// One entry of a folder, as seen after following symbolic links.
struct FolderEntry: Sendable {
  /// What the entry is once links are followed.
  enum Kind: Sendable, Equatable {
    case file
    case folder(FileIdentity)
    /// Neither a regular file nor a folder (device, socket, pipe).
    case special
    /// A link that cannot be followed (dangling, or a loop of links): the reason.
    case broken(String)
  }

  var name: String
  var kind: Kind
  var isSymbolicLink: Bool
}

/// Why a file or folder could not be read; `message` completes "FILE: …".
struct FileSystemError: Error, Sendable {
  var message: String
}

/// The few POSIX calls the loaders need: listing folders and reading whole files into memory.
///
/// POSIX rather than Foundation: one `read` into a byte array, precise reasons (permission denied,
/// is a folder, not a regular file), and no blocking on named pipes.
enum FileSystem {
  /// The identity of the folder at `path`, or why it is not a readable folder.
  static func folderIdentity(_ path: String) throws(FileSystemError) -> FileIdentity {
    var info = stat()
    guard stat(path, &info) == 0 else { throw FileSystemError(message: reason(errno)) }
    guard isFolder(info) else { throw FileSystemError(message: "is not a folder") }
    return identity(info)
  }

  /// Whether `path` is a folder (after following links).
  static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && isFolder(info)
  }

  /// The entries of the folder at `path`, sorted by name; `.` and `..` are left out.
  static func entries(of path: String) throws(FileSystemError) -> [FolderEntry] {
    guard let folder = opendir(path) else { throw FileSystemError(message: reason(errno)) }
    defer { closedir(folder) }
    var names: [String] = []
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted().map { entry(named: $0, in: path) }
  }

  static func entry(named name: String, in folder: String) -> FolderEntry {
    let path = folder + "/" + name
    var linkInfo = stat()
    guard lstat(path, &linkInfo) == 0 else {
      return FolderEntry(name: name, kind: .broken(reason(errno)), isSymbolicLink: false)
    }
    let isLink = (linkInfo.st_mode & S_IFMT) == S_IFLNK
    var info = linkInfo
    if isLink, stat(path, &info) != 0 {
      let code = errno
      let why = code == ELOOP ? "is a loop of symbolic links" : "is a symbolic link that " + reason(code)
      return FolderEntry(name: name, kind: .broken(why), isSymbolicLink: true)
    }
    let kind: FolderEntry.Kind
    if isFolder(info) {
      kind = .folder(identity(info))
    } else if (info.st_mode & S_IFMT) == S_IFREG {
      kind = .file
    } else {
      kind = .special
    }
    return FolderEntry(name: name, kind: kind, isSymbolicLink: isLink)
  }

  /// Reads the regular file at `path` with one allocation. Refuses folders, special files and files
  /// larger than `limit` bytes, so a stray device or pipe can neither hang nor exhaust memory.
  static func readFile(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK)
    guard descriptor >= 0 else { throw FileSystemError(message: reason(errno)) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw FileSystemError(message: reason(errno)) }
    if isFolder(info) { throw FileSystemError(message: "is a folder where a file was expected") }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw FileSystemError(message: "is not a regular file (a device, pipe or socket)")
    }
    let size = Int(info.st_size)
    guard size <= limit else {
      throw FileSystemError(
        message:
          "is \(megabytes(size)) MB, more than the \(megabytes(limit)) MB this kind of file can be; not read")
    }
    if size == 0 { return [] }
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = 0
      while count < size {
        let got = read(descriptor, buffer.baseAddress! + count, size - count)
        if got < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if got == 0 { break }
        count += got
      }
    }
    if failure != 0 { throw FileSystemError(message: reason(failure)) }
    return bytes
  }

  private static func isFolder(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }

  private static func identity(_ info: stat) -> FileIdentity {
    FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }

  private static func megabytes(_ bytes: Int) -> Int { (bytes + 999_999) / 1_000_000 }

  /// A lower-case reason for an `errno`, completing "FILE …".
  static func reason(_ code: Int32) -> String {
    switch code {
    case EACCES, EPERM: return "cannot be read: permission denied"
    case ENOENT: return "does not exist"
    case ENOTDIR: return "is not a folder"
    case EISDIR: return "is a folder where a file was expected"
    case ELOOP: return "is a loop of symbolic links"
    default: return "cannot be read: " + String(cString: strerror(code))
    }
  }
}
