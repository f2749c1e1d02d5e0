import Foundation

/// Exports the account reached by one profile (or the current credentials) into
/// `SNAPSHOT/ACCOUNT_ID/`, every command of the snapshot layout, all pages.
struct AccountCollector: Sendable {
  let cli: AWSCLI
  let recorder: SnapshotRecorder
  let log: CollectLog
  let parallel: ParallelCalls

  /// What the profile is called in messages.
  var profileName: String { cli.profile.map { "profile \($0)" } ?? "the current credentials" }

  /// The account id the credentials act in, or nil (reported) when they do not work.
  func identify() -> (accountId: String, identity: AWSCLI.Result)? {
    let identity = cli.run("sts", "get-caller-identity")
    guard identity.succeeded else {
      log.failed(profileName, "could not get the caller identity: \(identity.firstErrorLine)")
      return nil
    }
    guard let account = SnapshotRecorder.object(identity.output)?["Account"] as? String,
      account.count == 12, account.allSatisfy({ $0.isASCII && $0.isNumber })
    else {
      log.failed(profileName, "sts get-caller-identity did not name an account")
      return nil
    }
    return (account, identity)
  }

  /// Collects everything of `account`; `identity` is the answer of `sts get-caller-identity`.
  func collect(_ account: String, identity: AWSCLI.Result) {
    log.progress("\(profileName): account \(account)")
    recorder.record(identity, at: "\(account)/sts/get-caller-identity.json")
    let steps: [@Sendable () -> Void] = [
      {
        log.progress("\(account): iam get-account-authorization-details")
        recorder.record(
          cli.run("iam", "get-account-authorization-details"),
          at: "\(account)/iam/get-account-authorization-details.json")
      },
      {
        recorder.record(
          cli.run("iam", "list-account-aliases"), at: "\(account)/iam/list-account-aliases.json")
      },
      {
        recorder.record(
          cli.run("s3control", "get-public-access-block", ["--account-id", account]),
          at: "\(account)/s3control/get-public-access-block.json")
      },
      { collectBuckets(account) },
    ]
    parallel.forEach(Array(steps.indices)) { steps[$0]() }
    collectKeys(account)
  }

  private func collectBuckets(_ account: String) {
    let listing = recorder.record(cli.run("s3api", "list-buckets"), at: "\(account)/s3/list-buckets.json")
    let buckets = (SnapshotRecorder.object(listing)?["Buckets"] as? [[String: Any]] ?? []).compactMap {
      $0["Name"] as? String
    }
    log.progress("\(account): \(buckets.count) bucket(s)")
    let commands = [
      "get-bucket-policy", "get-bucket-ownership-controls", "get-public-access-block", "get-bucket-acl",
      "get-bucket-encryption", "get-bucket-policy-status",
    ]
    let calls = buckets.flatMap { bucket in commands.map { (bucket, $0) } }
    parallel.forEach(calls) { bucket, command in
      recorder.record(
        cli.run("s3api", command, ["--bucket", bucket]), at: "\(account)/s3/buckets/\(bucket)/\(command).json"
      )
    }
  }

  /// Keys listed in the profile's region, plus keys of this account that bucket encryption names
  /// in other regions.
  private func collectKeys(_ account: String) {
    let listing = cli.run("kms", "list-keys")
    if !listing.succeeded { log.warning("\(account): kms list-keys: \(listing.firstErrorLine)") }
    var keys: [(id: String, reference: String, region: String?)] =
      (SnapshotRecorder.object(listing.output)?["Keys"] as? [[String: Any]] ?? []).compactMap { entry in
        (entry["KeyId"] as? String).map { ($0, $0, nil) }
      }
    let known = Set(keys.map(\.id))
    for reference in bucketKeyReferences(account) {
      let parts = reference.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count == 6, parts[4] == Substring(account), parts[5].hasPrefix("key/") else { continue }
      let id = String(parts[5].dropFirst(4))
      if !known.contains(id) && !keys.contains(where: { $0.id == id }) {
        keys.append((id, reference, String(parts[3])))
      }
    }
    log.progress("\(account): \(keys.count) KMS key(s)")
    let calls = keys.flatMap { key in [(key, "get-key-policy"), (key, "describe-key")] }
    parallel.forEach(calls) { key, command in
      let extra = command == "get-key-policy" ? ["--policy-name", "default"] : []
      recorder.record(
        cli.run("kms", command, ["--key-id", key.reference] + extra, region: key.region),
        at: "\(account)/kms/keys/\(key.id)/\(command).json")
    }
  }

  /// The `KMSMasterKeyID` values of the default encryption of the buckets just collected.
  private func bucketKeyReferences(_ account: String) -> [String] {
    let folder = recorder.root.appendingPathComponent("\(account)/s3/buckets")
    let buckets = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return buckets.sorted().compactMap { bucket in
      let file = folder.appendingPathComponent("\(bucket)/get-bucket-encryption.json")
      let configuration = SnapshotRecorder.object(try? Data(contentsOf: file))?[
        "ServerSideEncryptionConfiguration"]
      let rules = (configuration as? [String: Any])?["Rules"] as? [[String: Any]]
      let defaults = rules?.first?["ApplyServerSideEncryptionByDefault"] as? [String: Any]
      return defaults?["KMSMasterKeyID"] as? String
    }
  }
}
