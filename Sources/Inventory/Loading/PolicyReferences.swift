import PolicyLanguage

/// The first place a managed policy ARN is attached (or used as a boundary), and how often.
struct PolicyReference: Sendable {
  var arn: String
  /// A warning at the first reference, issued if the policy turns out not to be in the snapshot.
  var firstUse: Diagnostic
  var count: Int

  /// The warning to report, counting the other references.
  var unresolvedWarning: Diagnostic {
    var warning = firstUse
    if count > 1 { warning.message += " (and \(count - 1) more references)" }
    return warning
  }
}

/// Collects the managed policy ARNs an account's principals use, to report the ones the snapshot does
/// not hold: once per ARN, at the first reference. AWS-managed policies may be held by another account
/// of the snapshot, so they are checked once every account is read.
struct PolicyReferences {
  private var order: [String] = []
  private var references: [String: PolicyReference] = [:]

  mutating func note(_ arn: String, by owner: String, as use: String, at field: JSONField) {
    if references[arn] != nil {
      references[arn]!.count += 1
      return
    }
    let message = "\(owner) \(use) \(arn), which the snapshot does not hold: its permissions are unknown"
    order.append(arn)
    references[arn] = PolicyReference(
      arn: arn,
      firstUse: Diagnostic(
        .warning, file: field.file.path, location: field.location, pointer: field.pointer, message: message),
      count: 1)
  }

  /// Splits the references missing from `held`: customer-managed ones are missing for sure (returned
  /// as warnings); AWS-managed ones are returned to be checked against every account.
  func unresolved(held: Set<String>) -> (warnings: [Diagnostic], awsManaged: [PolicyReference]) {
    var warnings: [Diagnostic] = []
    var awsManaged: [PolicyReference] = []
    for arn in order where !held.contains(arn) {
      let reference = references[arn]!
      if ManagedPolicy(arn: arn, name: "", document: nil).isAWSManaged {
        awsManaged.append(reference)
      } else {
        warnings.append(reference.unresolvedWarning)
      }
    }
    return (warnings, awsManaged)
  }
}
