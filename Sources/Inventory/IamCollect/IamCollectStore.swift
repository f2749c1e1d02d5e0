#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the partitions of an iam-collect store are (`<root>/aws/<partition>/{accounts,organizations}`).
///
/// The store may be given as `<root>`, `<root>/aws` or `<root>/aws/<partition>`.
struct IamCollectStore {
  /// The partition folders (`…/aws/aws`, `…/aws/aws-cn`), as paths under the path given.
  var partitions: [String]

  /// The store at `path`, or nil when `path` is not one.
  static func locate(_ path: String) -> IamCollectStore? {
    let cloud = Folder.join(path, "aws")
    if FileSystem.isFolder(cloud), let partitions = partitions(in: cloud) {
      return IamCollectStore(partitions: partitions)
    }
    if lastComponent(ofCanonical: path) == "aws", let partitions = partitions(in: path) {
      return IamCollectStore(partitions: partitions)
    }
    if holdsAccounts(path) { return IamCollectStore(partitions: [path]) }
    return nil
  }

  /// The children of `cloud` that hold `accounts/` or `organizations/`, or nil when none does.
  private static func partitions(in cloud: String) -> [String]? {
    guard let entries = try? FileSystem.entries(of: cloud) else { return nil }
    let found = entries.compactMap { entry -> String? in
      guard case .folder = entry.kind else { return nil }
      let partition = Folder.join(cloud, entry.name)
      let isPartition =
        FileSystem.isFolder(Folder.join(partition, "accounts"))
        || FileSystem.isFolder(Folder.join(partition, "organizations"))
      return isPartition ? partition : nil
    }
    return found.isEmpty ? nil : found
  }

  /// Whether `path` has `accounts/` with at least one 12-digit folder (a partition given directly).
  private static func holdsAccounts(_ path: String) -> Bool {
    guard let entries = try? FileSystem.entries(of: Folder.join(path, "accounts")) else { return false }
    return entries.contains { AccountID.isValid($0.name) }
  }

  private static func lastComponent(ofCanonical path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved).split(separator: "/").last.map(String.init)
  }
}
