import Foundation
import Testing

/// `trustwalk dot` through the built binary.
@Suite struct DotCommandTests {
  /// Graphviz's `dot` on PATH, when installed.
  static let graphviz: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").map { "\($0)/dot" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }()

  @Test func focusedPrefixDrawsTheChainAndTheAccessLevels() throws {
    let result = try TrustwalkBinary.run([
      "dot", "SampleData/upload-only-prefixes", "--focus", "s3://account-b-bucket/foo/",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let dot = result.stdout
    #expect(dot.hasPrefix("digraph \"trustwalk\" {"))
    #expect(
      dot.contains(
        "\"arn:aws:iam::111111111111:user/bobbytables\" -> \"arn:aws:iam::111111111111:role/account-a-s3-role\""
      ))
    #expect(
      dot.contains(
        "[label=\"write: PutObject, PutObjectAcl\\npermissions: PutObjectAcl\\nall keys under foo/\", penwidth=\"1.6\", color=\"#ea580c:#854d0e\""
      ))
    #expect(dot.contains("Nobody can read, list or delete."))
    #expect(!dot.contains("DENIED"))
  }

  @Test func outputIsByteIdenticalRunToRun() throws {
    let arguments = [
      "dot", "SampleData/org", "--focus", "s3://acme-data-lake-prod/curated/", "--include-denied",
    ]
    let first = try TrustwalkBinary.run(arguments)
    let second = try TrustwalkBinary.run(arguments)
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
  }

  @Test func includeDeniedMarksTheFailingHopInRed() throws {
    let result = try TrustwalkBinary.run([
      "dot", "SampleData/codebuild-cross-account", "--focus", "s3://dev-artifacts-nopolicy/", "--access",
      "write",
      "--include-denied",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let denied = result.stdout.split(separator: "\n").filter { $0.contains("DENIED") }
    #expect(denied.count == 1)
    #expect(denied.first?.contains("\"arn:aws:iam::111111111111:role/CodeBuildRole\" -> ") == true)
    #expect(denied.first?.contains("no allow in bucket policy (222222222222)") == true)
    // dana reaches the failing role through CodeBuild: drawn, not red.
    #expect(
      result.stdout.contains(
        "\"arn:aws:iam::111111111111:user/dana\" -> \"arn:aws:iam::111111111111:role/CodeBuildRole\""))
  }

  @Test func principalFocusDrawsWhatItReaches() throws {
    let result = try TrustwalkBinary.run([
      "dot", "SampleData/role-chain-external-id", "--focus", "arn:aws:iam::777777777777:user/erin",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("if sts:ExternalId StringEquals acme-compute-7f3a9c"))
    #expect(result.stdout.contains("\"arn:aws:s3:::acme-storage-data\""))
  }

  @Test func maxNodesCollapsesAccounts() throws {
    let result = try TrustwalkBinary.run(["dot", "SampleData/org", "--max-nodes", "40"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("each account is one node with counts"))
    #expect(result.stdout.contains("\"account:264575131106\""))
  }

  @Test func usageErrorsExitWithTwo() throws {
    let noOutput = try TrustwalkBinary.run(["dot", "SampleData/org", "--render", "svg"])
    #expect(noOutput.status == 2)
    #expect(noOutput.stderr.contains("--render needs --output FILE"))
    let deniedWithoutFocus = try TrustwalkBinary.run(["dot", "SampleData/org", "--include-denied"])
    #expect(deniedWithoutFocus.status == 2)
    let missing = try TrustwalkBinary.run(["dot", "/nonexistent/snapshot"])
    #expect(missing.status == 2)
  }

  @Test func renderWithoutGraphvizNamesThePackage() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trustwalk-dot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try TrustwalkBinary.run(
      [
        "dot", "SampleData/upload-only-prefixes", "--render", "png", "--output",
        folder.appendingPathComponent("x.png").path,
      ],
      environment: ["PATH": folder.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("apt-get install graphviz"))
  }

  @Test func rendersSVGWithGraphviz() throws {
    guard Self.graphviz != nil else { return }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trustwalk-dot-\(UUID().uuidString).svg")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try TrustwalkBinary.run([
      "dot", "SampleData/upload-only-prefixes", "--focus", "s3://account-b-bucket/foo/", "--render", "svg",
      "--output", file.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let svg = try String(contentsOf: file, encoding: .utf8)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("bobbytables"))
  }
}
