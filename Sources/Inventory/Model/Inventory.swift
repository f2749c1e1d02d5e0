import PolicyLanguage

/// Everything a snapshot holds, for any number of accounts, plus every problem met while loading it.
public struct Inventory: Sendable {
  public var accounts: [Account]
  public var organization: Organization?
  /// Every problem found, each once, with its file and place.
  public var diagnostics: [Diagnostic]
  /// Files that are not part of the layout: listed once and ignored.
  public var unknownFiles: [String]
  /// The folder the snapshot was read from.
  public var root: String

  public init(
    accounts: [Account] = [], organization: Organization? = nil, diagnostics: [Diagnostic] = [],
    unknownFiles: [String] = [], root: String = ""
  ) {
    self.accounts = accounts
    self.organization = organization
    self.diagnostics = diagnostics
    self.unknownFiles = unknownFiles
    self.root = root
  }

  /// The account with `id`, when it is in the snapshot.
  public func account(_ id: String) -> Account? {
    accounts.first { $0.id == id }
  }
}
