import Dispatch
import Foundation

/// Writes a synthesized snapshot to disk, accounts in parallel, and reports progress.
public struct SynthesizedSnapshotWriter: Sendable {
  /// What was written.
  public struct Summary: Sendable, Equatable {
    public var files = 0
    public var bytes = 0
  }

  public let synthesizer: SnapshotSynthesizer

  public init(synthesizer: SnapshotSynthesizer) {
    self.synthesizer = synthesizer
  }

  /// Writes every file under `folder` (created if missing). `progress` is called with the number
  /// of accounts written so far, from any thread, one call at a time and in increasing order.
  /// Stops at the first file that cannot be written.
  public func write(to folder: URL, progress: @escaping @Sendable (Int) -> Void = { _ in }) throws -> Summary
  {
    let state = WriteState()
    try Self.write(synthesizer.organizationFiles(), under: folder, state: state)
    let accounts = synthesizer.accountIds.count
    DispatchQueue.concurrentPerform(iterations: accounts) { index in
      guard !state.failed else { return }
      do {
        try Self.write(synthesizer.accountFiles(at: index), under: folder, state: state)
        state.accountDone(report: progress)
      } catch {
        state.fail(error)
      }
    }
    if let error = state.error { throw error }
    return state.summary
  }

  private static func write(_ files: [SynthesizedFile], under folder: URL, state: WriteState) throws {
    var createdFolders: Set<String> = []
    var summary = Summary()
    for file in files {
      let url = folder.appendingPathComponent(file.path)
      let parent = url.deletingLastPathComponent().path
      if createdFolders.insert(parent).inserted {
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
      }
      try writeWithoutSync(file.contents, to: url.path)
      summary.files += 1
      summary.bytes += file.contents.count
    }
    state.add(summary)
  }
}

/// Writes `data` to a new file at `path`. Foundation's `Data.write` syncs every file to disk, which
/// makes writing tens of thousands of small files take minutes instead of seconds.
private func writeWithoutSync(_ data: Data, to path: String) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard descriptor >= 0 else { throw SynthesisWriteError(path: path, code: errno) }
  defer { close(descriptor) }
  try data.withUnsafeBytes { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw SynthesisWriteError(path: path, code: errno)
      }
      offset += written
    }
  }
}

/// A file of the synthesized snapshot could not be written.
public struct SynthesisWriteError: Error, CustomStringConvertible {
  public let path: String
  public let code: Int32

  public var description: String { "\(path): \(String(cString: strerror(code)))" }
}

/// Counters and the first error, shared by the writing threads.
private final class WriteState: @unchecked Sendable {
  private let lock = NSLock()
  private var written = SynthesizedSnapshotWriter.Summary()
  private var accounts = 0
  private var firstError: Error?

  var failed: Bool { lock.withLock { firstError != nil } }
  var error: Error? { lock.withLock { firstError } }
  var summary: SynthesizedSnapshotWriter.Summary { lock.withLock { written } }

  func add(_ summary: SynthesizedSnapshotWriter.Summary) {
    lock.withLock {
      written.files += summary.files
      written.bytes += summary.bytes
    }
  }

  /// Counts one more account and reports the count, under the lock so reports arrive in order.
  func accountDone(report: (Int) -> Void) {
    lock.withLock {
      accounts += 1
      report(accounts)
    }
  }

  func fail(_ error: Error) {
    lock.withLock { if firstError == nil { firstError = error } }
  }
}
