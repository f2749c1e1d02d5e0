import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A moto server on 127.0.0.1 for the `collect` tests: started on a free port, stopped by its
/// process id. Multi-account: requests carry `x-moto-account-id` (the fixture) or credentials
/// from `sts assume-role` on a role of the wanted account (the aws CLI through profiles).
final class CollectEmulator {
  let port: Int
  let folder: URL
  private let server: Process

  var endpoint: String { "http://127.0.0.1:\(port)" }

  /// The command that starts moto's server, or nil when moto is not installed.
  static var serverCommand: [String]? {
    if let server = executable("moto_server") { return [server.path] }
    if let python = executable("python3"), run([python.path, "-c", "import moto.server"]).status == 0 {
      return [python.path, "-m", "moto.server"]
    }
    return nil
  }

  /// True when moto's server, boto3 (for the fixture) and the aws CLI are installed.
  static var available: Bool {
    guard serverCommand != nil, executable("aws") != nil, let python = executable("python3") else {
      return false
    }
    return run([python.path, "-c", "import boto3"]).status == 0
  }

  init(folder: URL) throws {
    guard let command = Self.serverCommand else { throw EmulatorError("moto is not installed") }
    self.folder = folder
    port = try Self.freePort()
    server = Process()
    server.executableURL = URL(fileURLWithPath: command[0])
    server.arguments = Array(command.dropFirst()) + ["-H", "127.0.0.1", "-p", "\(port)"]
    var environment = ProcessInfo.processInfo.environment
    environment["MOTO_ACCOUNT_ID"] = nil
    server.environment = environment
    let log = folder.appendingPathComponent("moto.log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    server.standardOutput = handle
    server.standardError = handle
    try server.run()
    try waitUntilListening(timeout: 30)
  }

  /// Stops the server (and waits for it, at most a few seconds).
  func stop() {
    guard server.isRunning else { return }
    server.terminate()
    let deadline = Date().addingTimeInterval(5)
    while server.isRunning && Date() < deadline { usleep(50_000) }
    if server.isRunning { kill(server.processIdentifier, SIGKILL) }
  }

  deinit { stop() }

  private func waitUntilListening(timeout: TimeInterval) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      guard server.isRunning else { throw EmulatorError("moto server exited: \(serverLog)") }
      if Self.canConnect(port: port) { return }
      usleep(100_000)
    }
    throw EmulatorError("moto server did not listen on port \(port) within \(Int(timeout)) s: \(serverLog)")
  }

  var serverLog: String {
    (try? String(contentsOf: folder.appendingPathComponent("moto.log"), encoding: .utf8)) ?? ""
  }

  /// Runs a program to completion with bounded output, returning its status and output.
  @discardableResult
  static func run(_ command: [String], environment: [String: String]? = nil) -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return (-1, "\(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// An executable of that name on PATH.
  static func executable(_ name: String) -> URL? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  #if canImport(Glibc)
    private static let stream = Int32(SOCK_STREAM.rawValue)
  #else
    private static let stream = SOCK_STREAM
  #endif

  private static func freePort() throws -> Int {
    let socketDescriptor = socket(AF_INET, stream, 0)
    guard socketDescriptor >= 0 else { throw EmulatorError("no socket") }
    defer { close(socketDescriptor) }
    var address = loopback(port: 0)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else { throw EmulatorError("cannot bind a port") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  private static func canConnect(port: Int) -> Bool {
    let socketDescriptor = socket(AF_INET, stream, 0)
    guard socketDescriptor >= 0 else { return false }
    defer { close(socketDescriptor) }
    var address = loopback(port: port)
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }

  private static func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }
}

/// The emulator could not be started.
struct EmulatorError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
