import Foundation
import Inventory
import Testing
import TrustGraph

@testable import Export

/// The diagrams kept as golden files: every SampleData scenario whole and focused on its story.
struct DotGoldenCase: Sendable, CustomTestStringConvertible {
  var scenario: String
  var name: String
  var focus: String?
  var levels: [AccessLevel] = [.any]
  var includeDenied = false
  var maxNodes = DiagramCollapser.defaultMaxNodes

  var testDescription: String { "\(scenario)--\(name)" }

  /// `Tests/ExportTests/Golden/<scenario>--<name>.dot`.
  var goldenURL: URL {
    DotGoldenCase.goldenFolder.appendingPathComponent("\(scenario)--\(name).dot")
  }

  static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let all: [DotGoldenCase] = [
    DotGoldenCase(scenario: "codebuild-cross-account", name: "whole"),
    DotGoldenCase(scenario: "codebuild-cross-account", name: "dev-artifacts", focus: "s3://dev-artifacts/"),
    DotGoldenCase(
      scenario: "codebuild-cross-account", name: "dev-artifacts-nopolicy-denied",
      focus: "s3://dev-artifacts-nopolicy/",
      levels: [.write], includeDenied: true),
    DotGoldenCase(
      scenario: "codebuild-cross-account", name: "dev-artifacts-nopolicy-any-denied",
      focus: "s3://dev-artifacts-nopolicy/", includeDenied: true),
    DotGoldenCase(
      scenario: "codebuild-cross-account", name: "dana", focus: "arn:aws:iam::111111111111:user/dana"),
    DotGoldenCase(scenario: "upload-only-prefixes", name: "whole"),
    DotGoldenCase(scenario: "upload-only-prefixes", name: "foo", focus: "s3://account-b-bucket/foo/"),
    DotGoldenCase(
      scenario: "upload-only-prefixes", name: "foo-read-denied", focus: "s3://account-b-bucket/foo/",
      levels: [.read],
      includeDenied: true),
    DotGoldenCase(
      scenario: "upload-only-prefixes", name: "bucket-write", focus: "s3://account-b-bucket", levels: [.write]
    ),
    DotGoldenCase(scenario: "pipeline-object-ownership", name: "whole"),
    DotGoldenCase(
      scenario: "pipeline-object-ownership", name: "release-artifacts-denied",
      focus: "s3://acme-release-artifacts/",
      levels: [.write], includeDenied: true),
    DotGoldenCase(scenario: "ec2-instance-profile", name: "whole"),
    DotGoldenCase(
      scenario: "ec2-instance-profile", name: "shared-read", focus: "s3://data-store-shared/", levels: [.read]
    ),
    DotGoldenCase(
      scenario: "ec2-instance-profile", name: "typo-denied", focus: "s3://data-store-typo/", levels: [.read],
      includeDenied: true),
    DotGoldenCase(scenario: "role-chain-external-id", name: "whole"),
    DotGoldenCase(
      scenario: "role-chain-external-id", name: "storage-write", focus: "s3://acme-storage-data/",
      levels: [.write]),
    DotGoldenCase(
      scenario: "role-chain-external-id", name: "erin", focus: "arn:aws:iam::777777777777:user/erin"),
    DotGoldenCase(scenario: "org", name: "whole"),
    DotGoldenCase(scenario: "org", name: "whole-collapsed", maxNodes: 40),
    DotGoldenCase(
      scenario: "org", name: "data-lake-curated-read", focus: "s3://acme-data-lake-prod/curated/",
      levels: [.read]),
    DotGoldenCase(
      scenario: "org", name: "data-lake-curated-read-denied", focus: "s3://acme-data-lake-prod/curated/",
      levels: [.read],
      includeDenied: true),
    DotGoldenCase(
      scenario: "org", name: "payments-prod-write", focus: "s3://acme-payments-prod-artifacts/",
      levels: [.write]),
    DotGoldenCase(scenario: "org", name: "sam", focus: "arn:aws:iam::271828182845:user/sam"),
  ]

  /// The DOT text of the case, from the SampleData snapshot.
  func render() throws -> String {
    let (inventory, graph) = try SampleSnapshots.shared.load(scenario)
    let focus: DiagramRequest.Focus =
      switch focus {
      case nil: .everything
      case let text? where text.hasPrefix("s3://"): .target(QueryTarget(text)!)
      case let text?: .principal(text)
      }
    let request = DiagramRequest(
      focus: focus, levels: levels, includeDenied: includeDenied, snapshotName: "SampleData/\(scenario)",
      maxNodes: maxNodes)
    let model = DiagramBuilder(graph: graph, inventory: inventory).build(request)
    return DotWriter.write(DiagramCollapser(maxNodes: maxNodes).fit(model))
  }
}

/// SampleData snapshots loaded and built once per test run.
final class SampleSnapshots: @unchecked Sendable {
  static let shared = SampleSnapshots()
  private let lock = NSLock()
  private var loaded: [String: (Inventory, TrustGraph)] = [:]
  private var rendered: [String: String] = [:]

  /// The DOT of `golden`, rendered once per run (the golden and the Graphviz tests share it).
  func dot(_ golden: DotGoldenCase) throws -> String {
    lock.lock()
    let found = rendered[golden.testDescription]
    lock.unlock()
    if let found { return found }
    let dot = try golden.render()
    lock.lock()
    rendered[golden.testDescription] = dot
    lock.unlock()
    return dot
  }

  func load(_ scenario: String) throws -> (Inventory, TrustGraph) {
    lock.lock()
    defer { lock.unlock() }
    if let found = loaded[scenario] { return found }
    let path = DotGoldenCase.packageRoot.appendingPathComponent("SampleData/\(scenario)").path
    let inventory = try SnapshotLoader.load(path: path)
    let result = (inventory, TrustGraph.build(inventory))
    loaded[scenario] = result
    return result
  }
}
