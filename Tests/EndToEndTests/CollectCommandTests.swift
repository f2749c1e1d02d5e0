import Foundation
import Testing

@Suite struct CollectCommandTests {
  @Test func namesTheAWSCLIPackageWhenAwsIsMissing() throws {
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trustwalk-nopath-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: empty) }
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = empty.path
    let output = empty.appendingPathComponent("snapshot")
    let result = try TrustwalkBinary.run(["collect", output.path], environment: environment)
    #expect(result.status == 2)
    #expect(result.stderr.contains("aws command was not found"))
    #expect(result.stderr.contains("awscli"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }
}
