/// What an IAM reader (CLI layout or iam-collect store) gathers for one account: its principals,
/// its managed policies, and the managed policies they reference.
struct IAMContents {
  var users: [User] = []
  var groups: [Group] = []
  var roles: [Role] = []
  var managedPolicies: [ManagedPolicy] = []
  /// The managed policies the principals attach or use as boundary.
  var references = PolicyReferences()

  /// Puts the principals and managed policies into `account`.
  func store(into account: inout Account) {
    account.users = users
    account.groups = groups
    account.roles = roles
    account.managedPolicies = managedPolicies
  }
}
