import Dispatch
import Foundation

/// Runs the real `aws` command found on PATH, one process per call, with arguments passed as an
/// array (never through a shell). The environment is passed through unchanged (so
/// `AWS_ENDPOINT_URL`, `AWS_PROFILE`, credentials and config files work as usual), except that
/// the pager is turned off.
struct AWSCLI: Sendable {
  /// What one `aws` call produced.
  struct Result: Sendable {
    let status: Int32
    let output: Data
    let errorText: String

    var succeeded: Bool { status == 0 }

    /// The AWS error code in `An error occurred (CODE) when calling ...`, if any.
    var errorCode: String? {
      guard let open = errorText.range(of: "An error occurred ("),
        let close = errorText[open.upperBound...].firstIndex(of: ")")
      else { return nil }
      return String(errorText[open.upperBound..<close])
    }

    /// The first non-empty line of the error text, for one-line messages.
    var firstErrorLine: String {
      errorText.split(whereSeparator: \.isNewline).first.map(String.init) ?? "exit status \(status)"
    }
  }

  let executable: URL
  let profile: String?
  let region: String?
  /// Shared by every copy: at most this many `aws` processes run at once.
  let slots: DispatchSemaphore

  /// The `aws` executable on PATH, or nil.
  static func locate(path: String?) -> URL? {
    for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("aws")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// The same CLI for another profile.
  func with(profile: String?) -> AWSCLI {
    AWSCLI(executable: executable, profile: profile, region: region, slots: slots)
  }

  /// Runs `aws SERVICE COMMAND ARGUMENTS... --output json [--profile P] [--region R]`.
  func run(_ service: String, _ command: String, _ arguments: [String] = [], region override: String? = nil)
    -> Result
  {
    var fullArguments = [service, command] + arguments + ["--output", "json"]
    if let profile { fullArguments += ["--profile", profile] }
    if let region = override ?? region { fullArguments += ["--region", region] }
    let process = Process()
    process.executableURL = executable
    process.arguments = fullArguments
    var environment = ProcessInfo.processInfo.environment
    environment["AWS_PAGER"] = ""
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    slots.wait()
    defer { slots.signal() }
    do {
      try process.run()
    } catch {
      return Result(status: -1, output: Data(), errorText: "could not run \(executable.path): \(error)")
    }
    let errorReader = PipeReader(errors.fileHandleForReading)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errorReader.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: data, errorText: String(decoding: errorData, as: UTF8.self))
  }
}

/// Reads a pipe to its end on its own thread (not Dispatch, which is slow to add threads for
/// blocking reads), so a full stderr pipe never blocks the child while stdout is being read.
private final class PipeReader: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var data = Data()

  init(_ handle: FileHandle) {
    Thread {
      self.data = handle.readDataToEndOfFile()
      self.done.signal()
    }.start()
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}
