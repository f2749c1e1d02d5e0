import PolicyLanguage

/// Loads an iam-collect store: every partition's account folders and organizations.
struct IamCollectLoader {
  let store: IamCollectStore
  let root: String

  func load() throws -> Inventory {
    let log = LoadLog()
    var accountFolders: [Folder] = []
    var organizationFolders: [Folder] = []
    for partitionPath in store.partitions {
      guard let partition = folder(partitionPath, log: log) else { continue }
      for item in partition.items(log: log) {
        guard case .folder(let section) = item else {
          Folder.reportUnknown(item, log: log)
          continue
        }
        switch section.name {
        case "accounts":
          for entry in section.items(log: log) {
            if case .folder(let account) = entry, AccountID.isValid(account.name) {
              accountFolders.append(account)
            } else {
              Folder.reportUnknown(entry, log: log)
            }
          }
        case "organizations":
          for entry in section.items(log: log) {
            if case .folder(let organization) = entry {
              organizationFolders.append(organization)
            } else {
              Folder.reportUnknown(entry, log: log)
            }
          }
        case "indexes": break
        default: Folder.reportUnknown(item, log: log)
        }
      }
    }
    guard !accountFolders.isEmpty else {
      throw SnapshotLoadError(path: root, reason: "the iam-collect store holds no account folder")
    }
    let accounts = accountFolders
    let organizations = organizationFolders
    let results = Parallel.map(accounts.count + organizations.count) { index in
      index < accounts.count
        ? Part.account(IamCollectAccountReader(folder: accounts[index]).read())
        : Part.organization(
          IamCollectOrganizationReader(folder: organizations[index - accounts.count]).read())
    }
    var assembly = InventoryAssembly(root: root, format: .iamCollect)
    assembly.add(diagnostics: log.diagnostics, unknownFiles: log.unknownFiles)
    var organizationSeen = false
    for result in results {
      switch result {
      case .account(let account): assembly.add(account)
      case .organization(var organization):
        if organizationSeen, let id = organization.organization?.id {
          organization.diagnostics.append(
            Diagnostic(
              .warning, file: organizations[0].path + "/",
              message: "the store holds more than one organization; only the first is used, \(id) is ignored")
          )
          organization.organization = nil
        }
        organizationSeen = organizationSeen || organization.organization != nil
        assembly.add(organization)
      }
    }
    return assembly.finish()
  }

  private func folder(_ path: String, log: LoadLog) -> Folder? {
    do {
      let identity = try FileSystem.folderIdentity(path)
      return Folder(name: path, path: path, lineage: [identity])
    } catch {
      log.error(path + "/", "the folder \(error.message)")
      return nil
    }
  }

  private enum Part: Sendable {
    case account(AccountLoadResult)
    case organization(OrganizationLoadResult)
  }
}
