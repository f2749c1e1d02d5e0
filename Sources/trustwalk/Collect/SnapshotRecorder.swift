import Foundation

/// Writes each command's answer into the snapshot folder: its output unmodified as `NAME.json`,
/// or its error text as `NAME.error.txt`. Errors meaning "not configured" are normal;
/// anything else (access denied, a network error) is also kept, and reported as a warning.
struct SnapshotRecorder: Sendable {
  /// Error codes that only say a setting is absent.
  static let absentCodes: Set<String> = [
    "NoSuchBucketPolicy", "OwnershipControlsNotFoundError", "NoSuchPublicAccessBlockConfiguration",
    "ServerSideEncryptionConfigurationNotFoundError", "AWSOrganizationsNotInUseException",
  ]

  let root: URL
  let log: CollectLog

  /// Records `result` at `path` (relative to the snapshot, ending in `.json`); returns the output
  /// when the command succeeded.
  @discardableResult
  func record(_ result: AWSCLI.Result, at path: String) -> Data? {
    let errorPath = (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".error.txt"
    let url = root.appendingPathComponent(result.succeeded ? path : errorPath)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try (result.succeeded ? result.output : Data(result.errorText.utf8)).write(to: url)
    } catch {
      log.warning("could not write \(url.path): \(error)")
    }
    guard result.succeeded else {
      if !Self.absentCodes.contains(result.errorCode ?? "") {
        log.warning("\(path): \(result.firstErrorLine)")
      }
      return nil
    }
    return result.output
  }

  /// The JSON object of a command's output, or nil.
  static func object(_ data: Data?) -> [String: Any]? {
    guard let data else { return nil }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
  }
}
