import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program with `posix_spawn`, an empty signal mask and default signal handlers, stdin on
/// /dev/null and stdout+stderr to a file. Foundation.Process would hand the test thread's blocked
/// signals to the child (tmux would then never see SIGWINCH or SIGTERM).
enum BrowseSpawn {
  /// The exit status and what the program wrote.
  struct Outcome {
    var status: Int32
    var output: String
  }

  static func run(_ arguments: [String], environment: [String: String] = [:]) -> Outcome {
    let outputPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("trustwalk-spawn-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var merged = ProcessInfo.processInfo.environment
    merged.merge(environment) { _, new in new }
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid = pid_t()
    guard posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else {
      return Outcome(status: -1, output: "could not start \(arguments[0])")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Outcome(status: exitStatus, output: output)
  }
}
