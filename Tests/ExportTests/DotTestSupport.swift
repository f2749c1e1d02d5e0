import Foundation

@testable import Export

/// Runs Graphviz's `dot` when it is installed, for tests that check it accepts our output.
enum GraphvizCheck {
  /// The `dot` executable on PATH, if any.
  static let executable: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("dot")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }()

  /// What `dot -Tsvg` said about `source`: exit status, SVG and warnings.
  static func svg(_ source: String) throws -> (status: Int32, svg: String, errors: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = ["-Tsvg"]
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read concurrently with writing so that a large SVG cannot fill the pipe and block dot.
    nonisolated(unsafe) var svgData = Data()
    let reader = Thread { svgData = output.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    input.fileHandleForWriting.write(Data(source.utf8))
    try input.fileHandleForWriting.close()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { Thread.sleep(forTimeInterval: 0.005) }
    return (
      process.terminationStatus, String(decoding: svgData, as: UTF8.self),
      String(decoding: errorData, as: UTF8.self)
    )
  }
}

/// A small two-account model in the shape of the upload-only-prefixes scenario.
enum SampleDiagram {
  static let userArn = "arn:aws:iam::111111111111:user/bobbytables"
  static let roleArn = "arn:aws:iam::111111111111:role/account-a-s3-role"

  static var model: DiagramModel {
    DiagramModel(
      title: "Who can write s3://account-b-bucket/foo/",
      notes: ["snapshot: SampleData/upload-only-prefixes"],
      clusters: [
        DiagramCluster(id: "111111111111", label: "account-a (111111111111)", kind: .account),
        DiagramCluster(id: "222222222222", label: "account-b (222222222222)", kind: .account),
      ],
      nodes: [
        DiagramNode(
          id: userArn, label: "user/bobbytables", kind: .user, clusterId: "111111111111",
          accountId: "111111111111"),
        DiagramNode(
          id: roleArn, label: "role/account-a-s3-role", kind: .role, clusterId: "111111111111",
          accountId: "111111111111"),
        DiagramNode(
          id: "s3://account-b-bucket/foo/", label: "account-b-bucket/foo/", kind: .prefix,
          clusterId: "222222222222",
          accountId: "222222222222", isFocus: true),
      ],
      edges: [
        DiagramEdge(from: userArn, to: roleArn, kind: .assumeRole),
        DiagramEdge(
          from: roleArn, to: "s3://account-b-bucket/foo/", kind: .access(.write),
          annotations: ["PutObject, PutObjectAcl", "all of foo/*"]),
      ])
  }
}
