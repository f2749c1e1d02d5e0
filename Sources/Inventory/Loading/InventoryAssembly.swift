import PolicyLanguage

/// Puts the separately read parts of a snapshot together, in a stable order, and runs the checks
/// that need every account: AWS-managed policy references and organization membership.
struct InventoryAssembly {
  private var inventory: Inventory
  private var pendingReferences: [(diagnosticIndex: Int, reference: PolicyReference)] = []
  private var organizationDiagnostics: [Diagnostic] = []
  private var organizationUnknownFiles: [String] = []
  private var organizationAccountsFile: String?

  init(root: String, format: SnapshotFormat) {
    inventory = Inventory(root: root, format: format)
  }

  mutating func add(diagnostics: [Diagnostic], unknownFiles: [String]) {
    inventory.diagnostics.append(contentsOf: diagnostics)
    inventory.unknownFiles.append(contentsOf: unknownFiles)
  }

  mutating func add(_ result: AccountLoadResult) {
    add(diagnostics: result.diagnostics, unknownFiles: result.unknownFiles)
    for reference in result.awsManagedReferences {
      pendingReferences.append((inventory.diagnostics.count, reference))
    }
    inventory.accounts.append(result.account)
  }

  /// The organization's problems are listed after the accounts'.
  mutating func add(_ result: OrganizationLoadResult) {
    if let organization = result.organization { inventory.organization = organization }
    organizationDiagnostics.append(contentsOf: result.diagnostics)
    organizationUnknownFiles.append(contentsOf: result.unknownFiles)
    organizationAccountsFile = result.accountsFile ?? organizationAccountsFile
  }

  consuming func finish() -> Inventory {
    reportUnresolvedAWSManagedPolicies()
    reportMembersWithoutFolder()
    reportLevelsWithoutSCP()
    inventory.diagnostics.append(contentsOf: organizationDiagnostics)
    inventory.unknownFiles.append(contentsOf: organizationUnknownFiles)
    inventory.accounts.sort { $0.id < $1.id }
    if let organization = inventory.organization {
      let members = Set(organization.accounts.map(\.id))
      for index in inventory.accounts.indices where members.contains(inventory.accounts[index].id) {
        inventory.accounts[index].organizationId = organization.id
        inventory.accounts[index].organizationPath = organization.path(to: inventory.accounts[index].id)
      }
    }
    return inventory
  }

  /// An error for every member account of the organization that the snapshot has no folder for: its
  /// principals, buckets and keys are unknown, so answers may miss them.
  private mutating func reportMembersWithoutFolder() {
    guard let organization = inventory.organization else { return }
    let loaded = Set(inventory.accounts.map(\.id))
    for member in organization.accounts where !member.id.isEmpty && !loaded.contains(member.id) {
      let name = member.name.isEmpty ? "" : " (\(member.name))"
      organizationDiagnostics.append(
        Diagnostic(
          .error, file: organizationAccountsFile ?? inventory.root,
          message:
            "organization member account \(member.id)\(name) has no folder in the snapshot: its principals, buckets and keys are unknown"
        ))
    }
  }

  /// An error (as for a member account without a folder) for every root, OU or member account that
  /// no SCP of the snapshot is attached to,
  /// when the snapshot holds SCPs at all: AWS keeps at least one SCP on each, so the export lacks
  /// some `list-targets-for-policy` output (answers below such a level are conditional).
  private mutating func reportLevelsWithoutSCP() {
    guard let organization = inventory.organization,
      organization.policies.contains(where: { $0.kind == .serviceControl })
    else { return }
    var reported = Set<String>()
    for member in organization.accounts
    where !member.id.isEmpty && member.id != organization.managementAccountId {
      for target in organization.path(to: member.id) + [member.id]
      where organization.policies(attachedTo: target, kind: .serviceControl).isEmpty
        && reported.insert(target).inserted
      {
        organizationDiagnostics.append(
          Diagnostic(
            .error, file: organizationAccountsFile ?? inventory.root,
            message:
              "no SCP of the snapshot is attached to \(target), although AWS keeps at least one on every root, OU "
              + "and account: list-targets-for-policy output is missing; answers for the accounts below it are conditional"
          ))
      }
    }
  }

  /// Inserts, each right after its account's own problems, the warnings for AWS-managed policies
  /// that no account of the snapshot holds.
  private mutating func reportUnresolvedAWSManagedPolicies() {
    guard !pendingReferences.isEmpty else { return }
    var held: Set<String> = []
    for account in inventory.accounts {
      for policy in account.managedPolicies where policy.isAWSManaged { held.insert(policy.arn) }
    }
    for pending in pendingReferences.reversed() where !held.contains(pending.reference.arn) {
      inventory.diagnostics.insert(pending.reference.unresolvedWarning, at: pending.diagnosticIndex)
    }
  }
}
