import ArgumentParser
import Foundation

/// Runs Graphviz's `dot` (found on PATH) to turn DOT text into an SVG or PNG file.
enum GraphvizRenderer {
  /// The output formats `--render` accepts.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case svg
    case png
  }

  /// Why rendering did not happen, in words for stderr.
  struct Failure: Error {
    var message: String
  }

  /// Renders `dot` into `output`; fails with the package to install when Graphviz is missing.
  static func render(_ dot: String, format: Format, to output: String) throws {
    guard let executable = locate() else {
      throw Failure(
        message: "Graphviz's `dot` was not found on PATH. Install Graphviz (Debian/Ubuntu: "
          + "`apt-get install graphviz`; macOS: `brew install graphviz`), or omit --render to print DOT.")
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = ["-T\(format.rawValue)", "-o", output]
    let input = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw Failure(message: "could not run \(executable.path): \(error.localizedDescription)")
    }
    input.fileHandleForWriting.write(Data(dot.utf8))
    try? input.fileHandleForWriting.close()
    let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(message: "Graphviz's dot failed (status \(process.terminationStatus)): \(messages)")
    }
  }

  /// The first executable `dot` on PATH.
  static func locate() -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("dot")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }
}
