import PolicyLanguage

/// Loads a snapshot in the aws CLI layout: `ACCOUNT_ID/` folders and an optional `organizations/`.
struct CLILayoutLoader {
  let root: Folder

  func load() throws -> Inventory {
    let log = LoadLog()
    var accountFolders: [Folder] = []
    var organizationFolder: Folder?
    for item in root.items(log: log) {
      switch item {
      case .folder(let folder) where AccountID.isValid(folder.name): accountFolders.append(folder)
      case .folder(let folder) where folder.name == "organizations": organizationFolder = folder
      default: Folder.reportUnknown(item, log: log)
      }
    }
    guard !accountFolders.isEmpty else {
      throw SnapshotLoadError(
        path: root.path,
        reason: "no account folder (12-digit name) and no iam-collect store (aws/ folder) here")
    }
    let folders = accountFolders
    let organizationRoot = organizationFolder
    let results = Parallel.map(folders.count + 1) { index in
      index < folders.count
        ? Part.account(AccountFolderReader(folder: folders[index]).read())
        : Part.organization(organizationRoot.map { OrganizationFolderReader(folder: $0).read() })
    }
    var assembly = InventoryAssembly(root: root.path, format: .awsCLI)
    assembly.add(diagnostics: log.diagnostics, unknownFiles: log.unknownFiles)
    for result in results {
      switch result {
      case .account(let account): assembly.add(account)
      case .organization(let organization?): assembly.add(organization)
      case .organization(nil): break
      }
    }
    return assembly.finish()
  }

  /// One job's result: an account folder or the organization folder.
  private enum Part: Sendable {
    case account(AccountLoadResult)
    case organization(OrganizationLoadResult?)
  }
}
