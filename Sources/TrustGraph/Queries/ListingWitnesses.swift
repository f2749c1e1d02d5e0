import Authorization
import PolicyLanguage

/// The `s3:prefix` values worth asking the evaluator about when a principal lists a bucket under a
/// prefix: for every Allow that names `s3:prefix` values, a value under the prefix that it admits
/// and that no `s3:prefix`-restricted Deny excludes (found exactly on the glob automata of
/// `PrefixCoverage.evaluateListing`), and the same value ignoring the denies (the evaluator then
/// says whether they apply).
struct ListingWitnesses {
  /// Each Allow's `s3:prefix` restriction, with the values it admits as the answer shows them.
  private var allows: [(restriction: S3PrefixRestriction, label: String)] = []
  /// The restrictions of the Denies that name `s3:prefix` values.
  private var denies: [S3PrefixRestriction] = []

  /// `variables` resolves policy variables in `s3:prefix` values for this caller (the home-folder
  /// idiom `home/${aws:username}/*`).
  init(profile: PrincipalProfile, policy: CompiledPolicy?, action: String, variables: ResourceVariables) {
    var documents =
      profile.identityPolicies + [profile.permissionsBoundary, policy?.document].compactMap { $0 }
    documents += (profile.serviceControlPolicies ?? []).joined()
    for document in documents {
      let substitutes = document.version.supportsVariables
      for statement in document.statements where statement.action.applies(to: action) {
        let conditions = statement.conditions.map { condition -> Condition in
          guard substitutes, condition.normalizedKey == "s3:prefix" else { return condition }
          var resolved = condition
          // Unknown values widen an Allow; a Deny keeps only what is exact.
          resolved.values = condition.values.compactMap {
            variables.plain($0, exact: statement.effect == .deny)
          }
          return resolved
        }
        guard let restriction = S3PrefixRestriction(conditions: conditions), !restriction.clauses.isEmpty
        else { continue }
        switch statement.effect {
        case .allow: allows.append((restriction, Self.label(restriction)))
        case .deny: denies.append(restriction)
        }
      }
    }
  }

  /// `prefix` and every shorter prefix of it down to `""`, longest first: listing with any of them
  /// returns every key under `prefix`.
  static func prefixes(of prefix: String) -> [String] {
    var values = [prefix]
    var shorter = Substring(prefix)
    while !shorter.isEmpty {
      shorter = shorter.dropLast()
      values.append(String(shorter))
    }
    return values
  }

  /// Values that start with `prefix`, each with the Allow values it stands for.
  func values(under prefix: String) -> [(value: String, label: String)] {
    var found: [(value: String, label: String)] = []
    for (restriction, label) in allows {
      for denied in [denies, []] {
        let coverage = PrefixCoverage.evaluateListing(
          prefix: prefix, required: [[restriction]], denied: denied)
        guard let value = coverage.coveredExample, !found.contains(where: { $0.value == value }) else {
          continue
        }
        found.append((value, label))
      }
    }
    return found
  }

  private static func label(_ restriction: S3PrefixRestriction) -> String {
    restriction.clauses.map { clause in
      (clause.negated ? "not " : "") + clause.values.joined(separator: " | ")
    }.joined(separator: " and ")
  }
}
