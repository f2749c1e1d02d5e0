import PolicyLanguage

/// What reading one account folder produced.
struct AccountLoadResult: Sendable {
  var account: Account
  var diagnostics: [Diagnostic]
  var unknownFiles: [String]
  /// AWS-managed policies used here but not held by this account: checked against every account.
  var awsManagedReferences: [PolicyReference] = []
}

/// Reads one `ACCOUNT_ID/` folder of the aws CLI layout.
struct AccountFolderReader {
  let folder: Folder
  private let log = LoadLog()

  init(folder: Folder) {
    self.folder = folder
  }

  static let authorizationDetails = "get-account-authorization-details"

  func read() -> AccountLoadResult {
    var account = Account(id: folder.name)
    var sawIAM = false
    var references = PolicyReferences()
    let items = folder.items(log: log)
    for item in items {
      guard case .folder(let service) = item else {
        Folder.reportUnknown(item, log: log)
        continue
      }
      switch service.name {
      case "iam": sawIAM = readIAM(service, into: &account, references: &references)
      case "sts": readCallerIdentity(service)
      case "s3": readS3(service, into: &account)
      case "s3control": readAccountPublicAccessBlock(service, into: &account)
      case "kms": readKMS(service, into: &account)
      default: Folder.reportUnknown(item, log: log)
      }
    }
    if !sawIAM && !items.isEmpty {
      account.identityProblem = "no iam/\(Self.authorizationDetails).json"
      log.warning(
        folder.path + "/",
        "no iam/\(Self.authorizationDetails).json: the users, groups and roles of \(account.id) are unknown")
    }
    let unresolved = references.unresolved(held: Set(account.managedPolicies.map(\.arn)))
    log.add(contentsOf: unresolved.warnings)
    return AccountLoadResult(
      account: account, diagnostics: log.diagnostics, unknownFiles: log.unknownFiles,
      awsManagedReferences: unresolved.awsManaged)
  }

  /// Reads the IAM folder; false when no authorization details were found.
  private func readIAM(_ iam: Folder, into account: inout Account, references: inout PolicyReferences) -> Bool
  {
    var pages: [(name: String, path: String)] = []
    var files: [String: String] = [:]
    var detailsError: String?
    for item in iam.items(log: log) {
      guard case .file(let name, let path) = item else {
        Folder.reportUnknown(item, log: log)
        continue
      }
      if name.hasPrefix(Self.authorizationDetails) && name.hasSuffix(".json") {
        pages.append((name, path))
      } else if CommandOutput.fileNames(Self.authorizationDetails).dropFirst().contains(name) {
        detailsError = path
      } else if CommandOutput.fileNames("list-account-aliases").contains(name) {
        files[name] = path
      } else {
        log.unknown(path)
      }
    }
    pages.sort { NaturalOrder.precedes($0.name, $1.name) }
    var reader = AuthorizationDetailsReader(accountId: account.id, log: log)
    for page in pages {
      if let file = JSONFile.read(
        page.path, shownAs: page.path, limit: JSONFile.authorizationDetailsSizeLimit, log: log)
      {
        reader.read(file)
      } else {
        account.identityProblem = "\(page.path) could not be read"
      }
    }
    reader.contents.store(into: &account)
    references = reader.contents.references
    if let path = detailsError, pages.isEmpty,
      case .error(_, let text, _) = CommandOutput.readError(path, absentCodes: [], log: log)
    {
      CommandOutput.reportUnknown(path, what: "the IAM configuration of \(account.id)", error: text, log: log)
      account.identityProblem = "the collector got an error (\(path))"
      return true
    }
    if case .json(let file) = CommandOutput.read("list-account-aliases", in: files, absentCodes: [], log: log)
    {
      account.alias = file.top.strings("AccountAliases", log: log).first
    }
    return !pages.isEmpty
  }

  private func readCallerIdentity(_ sts: Folder) {
    var files: [String: String] = [:]
    for item in sts.items(log: log) {
      if case .file(let name, let path) = item, CommandOutput.fileNames("get-caller-identity").contains(name)
      {
        files[name] = path
      } else {
        Folder.reportUnknown(item, log: log)
      }
    }
    guard
      case .json(let file) = CommandOutput.read("get-caller-identity", in: files, absentCodes: [], log: log),
      let identity = file.top.string("Account", log: log), identity != folder.name
    else { return }
    file.top.member("Account")?.warning(
      "get-caller-identity names account \(identity), but the file is in the folder of account \(folder.name)",
      log: log)
  }

  private func readS3(_ s3: Folder, into account: inout Account) {
    var listed: [(name: String, region: String?)] = []
    var bucketFolders: [String: Folder] = [:]
    var files: [String: String] = [:]
    for item in s3.items(log: log) {
      switch item {
      case .folder(let buckets) where buckets.name == "buckets":
        for entry in buckets.items(log: log) {
          if case .folder(let bucket) = entry {
            bucketFolders[bucket.name] = bucket
          } else {
            Folder.reportUnknown(entry, log: log)
          }
        }
      case .file(let name, let path) where CommandOutput.fileNames("list-buckets").contains(name):
        files[name] = path
      default: Folder.reportUnknown(item, log: log)
      }
    }
    if case .json(let file) = CommandOutput.read("list-buckets", in: files, absentCodes: [], log: log) {
      account.canonicalUserId = file.top.object("Owner", log: log)?.string("ID", log: log)
      for entry in file.top.array("Buckets", log: log) {
        if let name = entry.string("Name", required: true, log: log) {
          listed.append((name, entry.string("BucketRegion", log: log)))
        }
      }
    }
    let reader = BucketFolderReader(accountId: account.id, log: log)
    var declared: Set<String> = []
    for bucket in listed where declared.insert(bucket.name).inserted {
      account.buckets.append(
        reader.read(name: bucket.name, folder: bucketFolders[bucket.name], region: bucket.region))
      if bucketFolders[bucket.name] == nil {
        log.warning(
          Folder.join(s3.path, "list-buckets.json"),
          "bucket \(bucket.name) has no folder s3/buckets/\(bucket.name)/: its settings are unknown")
      }
    }
    for name in bucketFolders.keys.sorted() where !declared.contains(name) {
      account.buckets.append(reader.read(name: name, folder: bucketFolders[name], region: nil))
    }
  }

  private func readAccountPublicAccessBlock(_ s3control: Folder, into account: inout Account) {
    var files: [String: String] = [:]
    for item in s3control.items(log: log) {
      if case .file(let name, let path) = item,
        CommandOutput.fileNames("get-public-access-block").contains(name)
      {
        files[name] = path
      } else {
        Folder.reportUnknown(item, log: log)
      }
    }
    let output = CommandOutput.read(
      "get-public-access-block", in: files, absentCodes: ["NoSuchPublicAccessBlockConfiguration"], log: log)
    account.publicAccessBlock = PublicAccessBlockReader.read(
      output, what: "the account-level Block Public Access of \(account.id)", log: log)
  }

  private func readKMS(_ kms: Folder, into account: inout Account) {
    let reader = KeyFolderReader(accountId: account.id, log: log)
    for item in kms.items(log: log) {
      guard case .folder(let keys) = item, keys.name == "keys" else {
        Folder.reportUnknown(item, log: log)
        continue
      }
      for entry in keys.items(log: log) {
        if case .folder(let key) = entry {
          account.keys.append(reader.read(key))
        } else {
          Folder.reportUnknown(entry, log: log)
        }
      }
    }
  }
}
