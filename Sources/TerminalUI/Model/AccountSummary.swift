/// One AWS account of the snapshot.
public struct AccountSummary: Sendable, Hashable {
  /// The 12-digit account id.
  public var id: String
  /// The account alias, if the snapshot has one.
  public var alias: String?
  /// The organizational units from the root down (`["Root", "Workloads"]`); empty without organization data.
  public var ouPath: [String]

  public init(id: String, alias: String? = nil, ouPath: [String] = []) {
    self.id = id
    self.alias = alias
    self.ouPath = ouPath
  }

  /// `111111111111 alias` or the bare id.
  public var displayName: String { alias.map { "\(id) \($0)" } ?? id }
}
