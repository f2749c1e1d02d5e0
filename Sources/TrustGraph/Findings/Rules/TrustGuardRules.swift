import PolicyLanguage

/// TW005: a role trusts the root of an account outside the organization without `sts:ExternalId`
/// or an organization condition.
enum ExternalTrustRule: GapRule {
  static let guardKeys: Set<String> = ["sts:externalid", "aws:principalorgid", "aws:principalorgpaths"]

  static func findings(in context: GapContext) -> [Finding] {
    var findings: [Finding] = []
    for account in context.index.inventory.accounts {
      for role in account.roles {
        guard let trust = role.trustPolicy else { continue }
        for statement in trust.statements
        where statement.effect == .allow && statement.action.applies(to: "sts:AssumeRole")
          && !StatementFacts.pins(statement, oneOf: guardKeys)
        {
          guard let element = statement.principal, !element.negated else { continue }
          for case .account(let trusted) in element.entries
          where trusted != account.id && context.index.isExternal(trusted) {
            findings.append(
              Finding(
                rule: .externalTrust,
                message:
                  "\(role.arn) trusts account \(trusted), outside the organization, without sts:ExternalId "
                  + "or an organization condition.",
                accounts: [account.id, trusted], principals: ["arn:aws:iam::\(trusted):root"],
                resources: [role.arn],
                evidence: [StatementFacts.evidence(statement, in: trust)],
                fix:
                  "Account \(account.id) should require sts:ExternalId (StringEquals) in the trust policy of "
                  + "\(role.name), or name the exact role of \(trusted) that needs it."))
          }
        }
      }
    }
    return findings
  }
}

/// TW006: a role trusts an AWS service without `aws:SourceAccount` / `aws:SourceArn` (low: usual for
/// EC2 and Lambda roles, whose use also needs `iam:PassRole` in the account). Service-linked roles
/// are skipped: their trust policies belong to AWS.
enum ServiceTrustRule: GapRule {
  static let sourceKeys: Set<String> = [
    "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths",
  ]

  static func findings(in context: GapContext) -> [Finding] {
    var findings: [Finding] = []
    for account in context.index.inventory.accounts {
      for role in account.roles where !role.isServiceLinked {
        guard let trust = role.trustPolicy else { continue }
        for statement in trust.statements
        where statement.effect == .allow && !StatementFacts.pins(statement, oneOf: sourceKeys) {
          guard let element = statement.principal, !element.negated else { continue }
          let services = element.entries.compactMap { entry -> String? in
            guard case .service(let name) = entry else { return nil }
            return name
          }
          guard !services.isEmpty else { continue }
          findings.append(
            Finding(
              rule: .serviceTrust,
              message:
                "\(role.arn) trusts \(services.joined(separator: ", ")) without aws:SourceAccount or aws:SourceArn.",
              accounts: [account.id], principals: services, resources: [role.arn],
              evidence: [StatementFacts.evidence(statement, in: trust)],
              fix:
                "Account \(account.id) should add a condition such as "
                + "{\"StringEquals\": {\"aws:SourceAccount\": \"\(account.id)\"}} to the trust policy of \(role.name)."
            ))
        }
      }
    }
    return findings
  }
}
