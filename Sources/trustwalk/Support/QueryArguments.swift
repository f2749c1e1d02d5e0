import ArgumentParser
import Inventory
import TrustGraph

/// Options shared by who-can and explain: how actions are chosen, and the output format.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}

/// `--access` takes the access levels of TrustGraph by name.
extension AccessLevel: ExpressibleByArgument {}

/// Splits `[SNAPSHOT] REST...` positional arguments and resolves targets and actions.
enum QueryArguments {
  /// The optional snapshot and the `count` required arguments after it.
  static func split(_ arguments: [String], required count: Int, command: String, usage: String) -> (
    snapshot: String?, rest: [String]
  ) {
    switch arguments.count {
    case count: return (nil, arguments)
    case count + 1: return (arguments[0], Array(arguments.dropFirst()))
    default: SnapshotLocator.fail(command, "usage: trustwalk \(command) \(usage)")
    }
  }

  static func target(_ text: String, command: String) -> QueryTarget {
    guard let target = QueryTarget(text) else {
      SnapshotLocator.fail(command, "TARGET must be s3://BUCKET[/PREFIX] or an ARN, got '\(text)'")
    }
    return target
  }

  /// A PRINCIPAL argument: an IAM or STS ARN, a service principal (`codebuild.amazonaws.com`), or `*`
  /// (anonymous); anything else is a usage error (exit 2), not a confident "nothing".
  static func principal(_ text: String, command: String) -> String {
    let isARN =
      text.hasPrefix("arn:") && text.split(separator: ":", omittingEmptySubsequences: false).count >= 6
    guard isARN || text == "*" || TrustGraph.isServicePrincipal(text) else {
      SnapshotLocator.fail(
        command, "PRINCIPAL must be an ARN, a service principal (name.amazonaws.com) or *, got '\(text)'")
    }
    return text
  }

  /// `--action` (expanded) when given, else the access level's actions for the target.
  static func actions(explicit: [String], access: AccessLevel?, target: QueryTarget) -> [String] {
    if !explicit.isEmpty { return AccessLevel.expand(explicit) }
    let level = access ?? .any
    switch target.shape {
    case .prefix, .object: return level.s3Actions
    case .resource(let arn):
      if arn.contains(":iam::") && arn.contains(":role/") { return ["sts:AssumeRole"] }
      if arn.hasPrefix("arn:aws:kms:") {
        switch level {
        case .read: return ["kms:Decrypt"]
        case .write: return ["kms:GenerateDataKey", "kms:Encrypt"]
        default: return ["kms:Decrypt", "kms:GenerateDataKey", "kms:Encrypt"]
        }
      }
      return level.s3Actions
    }
  }

  /// Whether the inventory holds what a target names (for picking a SampleData scenario).
  static func holds(_ inventory: Inventory, _ target: QueryTarget) -> Bool {
    if let bucket = target.bucket {
      return inventory.accounts.contains { $0.buckets.contains { $0.name == bucket } }
    }
    return inventory.accounts.contains { account in
      account.roles.contains { $0.arn == target.text } || account.keys.contains { $0.arn == target.text }
    }
  }

  /// Whether the inventory holds the principal ARN (user, role, or an account of it).
  static func holds(_ inventory: Inventory, principal: String) -> Bool {
    inventory.accounts.contains { account in
      account.users.contains { $0.arn == principal } || account.roles.contains { $0.arn == principal }
    }
  }
}
