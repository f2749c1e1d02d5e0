import Foundation

/// Runs the built `trustwalk` binary (found next to the test bundle) and captures its output.
enum TrustwalkBinary {
  /// What one run of the binary produced.
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The package root (where SampleData lives), derived from this file's path.
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The built executable: the products folder that holds the test bundle also holds `trustwalk`.
  static var executable: URL {
    var dir = Bundle.main.bundleURL
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      dir = bundle.bundleURL.deletingLastPathComponent()
    }
    let candidate = dir.appendingPathComponent("trustwalk")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    return packageRoot.appendingPathComponent(".build/debug/trustwalk")
  }

  /// Runs the binary with `arguments`, feeding `stdin`, in the package root.
  static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil) throws
    -> Result
  {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
