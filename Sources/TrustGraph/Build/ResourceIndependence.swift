import PolicyLanguage

/// Whether the decision of an action cannot depend on which resource the request names: every
/// statement of the policies that covers the action applies to `Resource: *` and reads no condition
/// key derived from the resource (its tags, account, organization). Then one evaluation stands for
/// every resource of the same account (the graph asks `iam:PassRole` of each role a service trusts).
enum ResourceIndependence {
  /// Condition keys whose value comes from the resource of the request.
  private static let resourceKeyPrefixes = [
    "aws:resource", "iam:resourcetag", "s3:resourceaccount", "kms:resourcealiases",
  ]

  static func holds(for documents: [PolicyDocument], action: String) -> Bool {
    documents.allSatisfy { document in
      document.statements.allSatisfy { statement in
        guard statement.action.applies(to: action) else { return true }
        if let resource = statement.resource, !resource.isEverything { return false }
        return !statement.conditions.contains { condition in
          resourceKeyPrefixes.contains { condition.normalizedKey.hasPrefix($0) }
        }
      }
    }
  }
}
