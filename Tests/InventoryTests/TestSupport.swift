import Foundation
import PolicyLanguage

@testable import Inventory

/// The fixture snapshots of this test target (not bundled: read from the source tree).
enum Fixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures")
  static var cliSnapshot: String { folder.appendingPathComponent("cli-snapshot").path }
  static var iamCollectStore: String { folder.appendingPathComponent("iam-collect-store").path }
}

/// A snapshot written into a fresh temporary folder by a test, removed when the test ends.
final class TemporarySnapshot {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trustwalk-inventory-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  var path: String { root.path }

  /// Writes `text` at `relativePath`, creating folders.
  @discardableResult
  func write(_ relativePath: String, _ text: String) throws -> String {
    try write(relativePath, bytes: Array(text.utf8))
  }

  @discardableResult
  func write(_ relativePath: String, bytes: [UInt8]) throws -> String {
    let url = root.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
    return url.path
  }

  func makeFolder(_ relativePath: String) throws {
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent(relativePath), withIntermediateDirectories: true)
  }

  /// A symbolic link at `relativePath` pointing to `destination` (taken literally).
  func link(_ relativePath: String, to destination: String) throws {
    let url = root.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
  }

  /// The path of `relativePath` as the loader shows it.
  func shown(_ relativePath: String) -> String { path + "/" + relativePath }

  func load() throws -> Inventory { try SnapshotLoader.load(path: path) }
}

/// A minimal but complete `get-account-authorization-details` output with one role.
func authorizationDetails(account: String, roles: [String] = ["App"]) -> String {
  let entries = roles.map { name in
    """
        {
          "Path": "/", "RoleName": "\(name)", "RoleId": "AROA\(name.uppercased())",
          "Arn": "arn:aws:iam::\(account):role/\(name)",
          "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
          "InstanceProfileList": [], "RolePolicyList": [], "AttachedManagedPolicies": [], "Tags": []
        }
    """
  }
  return """
    {
      "UserDetailList": [],
      "GroupDetailList": [],
      "RoleDetailList": [
    \(entries.joined(separator: ",\n"))
      ],
      "Policies": []
    }
    """
}

extension Inventory {
  /// The diagnostics about `file` (a path ending), for assertions.
  func diagnostics(about fileSuffix: String) -> [Diagnostic] {
    diagnostics.filter { $0.file.hasSuffix(fileSuffix) }
  }
}
