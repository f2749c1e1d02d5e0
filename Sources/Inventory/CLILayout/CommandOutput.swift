import PolicyLanguage

/// What a folder holds for one `aws` CLI command: its JSON output, the error it answered with
/// (`COMMAND.error.txt`), or nothing.
enum CommandOutput {
  case json(JSONFile)
  /// The collector recorded an error; `absent` is true when the error means "not configured"
  /// (`NoSuchBucketPolicy`, ...) rather than "could not be read" (`AccessDenied`, ...).
  case error(path: String, text: String, absent: Bool)
  /// The output exists but could not be read (the problem is already reported).
  case unreadable
  case missing

  /// The largest error text read: CLI errors are one line.
  static let errorTextLimit = 1_000_000

  /// The names a command's output may have: `COMMAND.json`, and for an error `COMMAND.error.txt` (the
  /// layout's name) or `COMMAND.json.error.txt` (what a collector that appends to the JSON name writes).
  static func fileNames(_ command: String) -> [String] {
    [command + ".json", command + ".error.txt", command + ".json.error.txt"]
  }

  /// Looks up `command` in `files` (name → path), reading `command.json` or its error file.
  /// `absentCodes` are the error codes that mean "not configured".
  static func read(
    _ command: String, in files: [String: String], absentCodes: [String], log: LoadLog,
    limit: Int = JSONFile.defaultSizeLimit
  ) -> CommandOutput {
    if let path = files[command + ".json"] {
      if let file = JSONFile.read(path, shownAs: path, limit: limit, log: log) { return .json(file) }
      return .unreadable
    }
    guard let path = files[command + ".error.txt"] ?? files[command + ".json.error.txt"] else {
      return .missing
    }
    return readError(path, absentCodes: absentCodes, log: log)
  }

  /// Reads an `.error.txt` file and classifies it.
  static func readError(_ path: String, absentCodes: [String], log: LoadLog) -> CommandOutput {
    let bytes: [UInt8]
    do {
      bytes = try FileSystem.readFile(path, limit: errorTextLimit)
    } catch {
      log.error(path, "the file \(error.message)")
      return .unreadable
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let firstLine = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }
    let summary = firstLine.map(String.init) ?? "(empty error text)"
    return .error(path: path, text: summary, absent: absentCodes.contains { text.contains($0) })
  }

  /// Reports an error that is not a known "not configured" code: the value is unknown.
  static func reportUnknown(_ path: String, what: String, error text: String, log: LoadLog) {
    log.warning(path, "\(what) is unknown: the collector got an error: \(text)")
  }
}
