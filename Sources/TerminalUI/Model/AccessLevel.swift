/// The kinds of access the browser distinguishes, in the order the matrix offers them.
///
/// `permissions` means changing who has access (object/bucket ACLs, bucket policy), following
/// AWS's "Permissions management" access level.
public enum AccessLevel: String, Sendable, Hashable, CaseIterable, Comparable {
  case write, read, list, delete, permissions

  /// The key that selects this level in the matrix (`w`, `r`, `l`, `d`, `p`).
  public var key: Character {
    switch self {
    case .write: "w"
    case .read: "r"
    case .list: "l"
    case .delete: "d"
    case .permissions: "p"
    }
  }

  /// The position in `allCases`, used for ordering.
  var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool { lhs.order < rhs.order }
}
