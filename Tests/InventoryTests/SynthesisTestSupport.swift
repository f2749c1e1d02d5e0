import Foundation
import Inventory

/// A synthesized snapshot held in memory, with helpers to read its JSON files.
struct SynthesizedSnapshot {
  let synthesizer: SnapshotSynthesizer
  let files: [SynthesizedFile]
  let byPath: [String: Data]

  init(_ options: SynthesisOptions) {
    synthesizer = SnapshotSynthesizer(options: options)
    var files = synthesizer.organizationFiles()
    for index in synthesizer.accountIds.indices { files += synthesizer.accountFiles(at: index) }
    self.files = files
    byPath = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
  }

  /// The parsed JSON object of the file at `path`.
  func object(_ path: String) throws -> [String: Any] {
    guard let data = byPath[path] else { throw SynthesisTestFailure("no file \(path)") }
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw SynthesisTestFailure("\(path) is not a JSON object")
    }
    return object
  }

  /// The `get-account-authorization-details` list `key` of an account.
  func details(_ account: String, _ key: String) throws -> [[String: Any]] {
    try object("\(account)/iam/get-account-authorization-details.json")[key] as? [[String: Any]] ?? []
  }

  /// Paths of files directly or indirectly under `folder`.
  func paths(under folder: String) -> [String] {
    files.map(\.path).filter { $0.hasPrefix(folder + "/") }
  }

  /// Parses a policy document held as JSON text.
  static func policy(_ text: Any?) throws -> [String: Any] {
    guard let text = text as? String, let data = text.data(using: .utf8),
      let policy = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { throw SynthesisTestFailure("not a policy string: \(String(describing: text))") }
    return policy
  }

  /// The statements of a policy document.
  static func statements(_ policy: [String: Any]) -> [[String: Any]] {
    policy["Statement"] as? [[String: Any]] ?? []
  }

  /// A string-or-array JSON value as an array.
  static func strings(_ value: Any?) -> [String] {
    if let single = value as? String { return [single] }
    return value as? [String] ?? []
  }
}

/// A failed expectation about a synthesized snapshot.
struct SynthesisTestFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
