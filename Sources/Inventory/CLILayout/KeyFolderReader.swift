import PolicyLanguage

/// Reads one `kms/keys/KEY_ID/` folder of the aws CLI layout into a `KMSKey`.
struct KeyFolderReader {
  let accountId: String
  let log: LoadLog

  static let knownFiles = Set(["get-key-policy", "describe-key"].flatMap(CommandOutput.fileNames))

  func read(_ folder: Folder) -> KMSKey {
    var files: [String: String] = [:]
    for item in folder.items(log: log) {
      if case .file(let name, let path) = item, Self.knownFiles.contains(name) {
        files[name] = path
      } else {
        Folder.reportUnknown(item, log: log)
      }
    }
    var key = KMSKey(id: folder.name, arn: "arn:aws:kms::\(accountId):key/\(folder.name)", account: accountId)
    readDescription(files, into: &key)
    readPolicy(files, into: &key)
    return key
  }

  private func readDescription(_ files: [String: String], into key: inout KMSKey) {
    switch CommandOutput.read("describe-key", in: files, absentCodes: [], log: log) {
    case .json(let file):
      guard let metadata = file.top.object("KeyMetadata", required: true, log: log) else { return }
      if let id = metadata.string("KeyId", log: log), id != key.id {
        metadata.member("KeyId")?.warning(
          "describe-key names key \(id), but the folder is \(key.id)", log: log)
      }
      if let arn = metadata.string("Arn", log: log) {
        key.arn = arn
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count == 6, !parts[3].isEmpty { key.region = String(parts[3]) }
      }
      key.description = metadata.string("Description", log: log)
      key.manager = metadata.string("KeyManager", log: log)
      key.state = metadata.string("KeyState", log: log)
    case .error(let path, let text, _):
      CommandOutput.reportUnknown(path, what: "the description of key \(key.id)", error: text, log: log)
    case .unreadable, .missing: break
    }
  }

  private func readPolicy(_ files: [String: String], into key: inout KMSKey) {
    switch CommandOutput.read("get-key-policy", in: files, absentCodes: [], log: log) {
    case .json(let file):
      let top = file.top
      guard let field = top.member("Statement") != nil ? top : top.member("Policy"), !field.isNull else {
        top.error("expected {\"Policy\": \"<policy text>\"} as get-key-policy prints it", log: log)
        return
      }
      key.policy = field.policy(named: "key policy of \(key.id)", kind: .keyPolicy, log: log)
    case .error(let path, let text, _):
      CommandOutput.reportUnknown(path, what: "the key policy of \(key.id)", error: text, log: log)
    case .unreadable, .missing: break
    }
  }
}
