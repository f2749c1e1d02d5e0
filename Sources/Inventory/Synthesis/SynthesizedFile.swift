import Foundation

/// One file of a synthesized snapshot: its path relative to the snapshot folder and its bytes.
public struct SynthesizedFile: Sendable, Equatable {
  /// Relative path with `/` separators, e.g. `111111111111/iam/get-account-authorization-details.json`.
  public let path: String
  public let contents: Data

  init(_ path: String, _ json: SynthJSON) {
    self.path = path
    self.contents = Data(json.cliFileBytes)
  }

  init(_ path: String, text: String) {
    self.path = path
    self.contents = Data(text.utf8)
  }
}
