import Foundation

/// Progress and problems of a `collect` run: lines on stderr as they happen, and counts for the
/// exit status. Safe to use from several threads.
final class CollectLog: @unchecked Sendable {
  private let lock = NSLock()
  private var warningCount = 0
  private var failedProfiles: [String] = []

  var warnings: Int { lock.withLock { warningCount } }
  var failures: [String] { lock.withLock { failedProfiles } }

  func progress(_ message: String) {
    write("collect: \(message)")
  }

  /// A command failed for a reason other than "this is not configured" (kept as `.error.txt`).
  func warning(_ message: String) {
    lock.withLock { warningCount += 1 }
    write("collect: warning: \(message)")
  }

  /// A profile (or the organization) could not be collected at all.
  func failed(_ what: String, _ message: String) {
    lock.withLock { failedProfiles.append(what) }
    write("collect: error: \(what): \(message)")
  }

  private func write(_ line: String) {
    lock.withLock { FileHandle.standardError.write(Data((line + "\n").utf8)) }
  }
}
