import Foundation

/// A private tmux server running `trustwalk browse` in one pane, for end-to-end tests: its own
/// socket and TMUX_TMPDIR, no user config, bounded polling waits, killed on deinit.
final class BrowseTmux {
  static let tmuxPath = "/usr/bin/tmux"
  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: tmuxPath) }

  private let socket = "trustwalk-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
  private let directory: String
  /// The pane's shell writes the browser's exit status here (tmux's own pane_dead_status can lag).
  private var statusFile: String { directory + "/exit-status" }

  /// Starts the binary in a detached session of `columns`×`rows`, with `environment` set in the pane.
  /// `workingDirectory` (default: the package root) is where the browser runs and `e` writes.
  init(
    columns: Int = 120, rows: Int = 40, environment: [String: String] = [:], arguments: [String] = [],
    workingDirectory: String = TrustwalkBinary.packageRoot.path
  ) throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(socket)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let assignments = environment.map { "\($0.key)=\($0.value)" }.sorted()
    // A pinned pane environment: whatever the test runner exports (NO_COLOR, odd TERM) does not leak in.
    let browser =
      ["env", "-u", "NO_COLOR", "TERM=tmux-256color"] + assignments + [
        TrustwalkBinary.executable.path, "browse",
      ]
      + arguments
    let command = ["/bin/sh", "-c", "trap true INT; \"$@\"; echo $? > '\(statusFile)'", "sh"] + browser
    let started = tmux(
      [
        "new-session", "-d", "-s", "t", "-x", "\(columns)", "-y", "\(rows)", "-c", workingDirectory,
      ]
        + command + [";", "set-option", "-t", "t", "remain-on-exit", "on"])
    guard started.status == 0 else { throw BrowseTmuxError("tmux did not start: \(started.output)") }
  }

  deinit {
    _ = tmux(["kill-server"])
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// The pane's text, or with `escapes` its SGR colour and attribute codes too.
  func screen(escapes: Bool = false) -> String {
    tmux(["capture-pane", "-p", "-t", "t"] + (escapes ? ["-e"] : [])).output
  }

  /// Sends tmux key names (`j`, `Enter`, `Escape`, `C-c`) or literal text.
  func send(_ keys: String...) {
    _ = tmux(["send-keys", "-t", "t"] + keys)
  }

  func resize(columns: Int, rows: Int) {
    _ = tmux(["resize-window", "-t", "t", "-x", "\(columns)", "-y", "\(rows)"])
  }

  /// `#{pane_dead} #{pane_dead_status}` and friends.
  func display(_ format: String) -> String {
    tmux(["display-message", "-p", "-t", "t", format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls until the screen satisfies `condition` (15 s at most: CI machines can be loaded); returns
  /// the last screen seen.
  @discardableResult
  func wait(escapes: Bool = false, until condition: (String) -> Bool) -> (ok: Bool, screen: String) {
    let deadline = Date().addingTimeInterval(15)
    var last = screen(escapes: escapes)
    while !condition(last) {
      guard Date() < deadline else { return (false, last) }
      usleep(20_000)
      last = screen(escapes: escapes)
    }
    return (true, last)
  }

  /// Polls until the screen contains `text`.
  @discardableResult
  func wait(for text: String, escapes: Bool = false) -> (ok: Bool, screen: String) {
    wait(escapes: escapes) { $0.contains(text) }
  }

  /// Polls until the screen contains every one of `texts` (a frame can be captured half drawn).
  @discardableResult
  func wait(forAll texts: [String], escapes: Bool = false) -> (ok: Bool, screen: String) {
    wait(escapes: escapes) { screen in texts.allSatisfy { screen.contains($0) } }
  }

  /// Polls until the browser has exited; returns its exit status.
  func exitStatus() -> Int32? {
    let deadline = Date().addingTimeInterval(15)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
        let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return status
      }
      usleep(20_000)
    }
    return nil
  }

  private func tmux(_ arguments: [String]) -> BrowseSpawn.Outcome {
    BrowseSpawn.run(
      [Self.tmuxPath, "-L", socket, "-f", "/dev/null"] + arguments, environment: ["TMUX_TMPDIR": directory])
  }
}

/// A tmux set-up failure.
struct BrowseTmuxError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) { self.description = description }
}
