import Foundation
import Inventory
import TrustGraph

@testable import TerminalUI

/// Browser models built from the SampleData scenarios (each built once per test run).
enum AdapterScenario {
  static let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("SampleData")

  /// The model of `SampleData/<name>`, labelled with the relative path.
  static func model(_ name: String, eagerColumnLimit: Int = SnapshotBrowserModel.eagerColumnLimit) throws
    -> BrowserModel
  {
    let inventory = try SnapshotLoader.load(path: sampleData.appendingPathComponent(name).path)
    return SnapshotBrowserModel.make(
      inventory: inventory, graph: TrustGraph.build(inventory), source: "SampleData/\(name)",
      eagerColumnLimit: eagerColumnLimit)
  }

  static let uploadOnlyPrefixes = Result { try model("upload-only-prefixes") }
  static let codebuildCrossAccount = Result { try model("codebuild-cross-account") }
}
