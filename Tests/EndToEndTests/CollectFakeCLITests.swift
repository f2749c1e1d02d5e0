import Foundation
import Testing

/// `trustwalk collect` against a stand-in `aws` (a shell script on PATH with canned answers): fast
/// checks of how commands are called and how answers and errors are recorded.
@Suite struct CollectFakeCLITests {
  /// Answers like the aws CLI for two profiles; logs every call's arguments and `AWS_PAGER`.
  static let fakeAWS = #"""
    #!/bin/sh
    echo "$* | pager=${AWS_PAGER-unset} | endpoint=${AWS_ENDPOINT_URL-unset}" >> "$FAKE_AWS_LOG"
    profile=""; region=""; bucket=""; key=""; parent=""; filter=""
    previous=""
    for argument in "$@"; do
      case "$previous" in
        --profile) profile="$argument" ;;
        --region) region="$argument" ;;
        --bucket) bucket="$argument" ;;
        --key-id) key="$argument" ;;
        --parent-id) parent="$argument" ;;
        --filter) filter="$argument" ;;
      esac
      previous="$argument"
    done
    case "$profile" in
      one) account=111111111111 ;;
      two) account=222222222222 ;;
      "semi;colon") account=111111111111 ;;
      "") account=333333333333 ;;
      *) echo "The config profile ($profile) could not be found" >&2; exit 255 ;;
    esac
    fail() { printf '\nAn error occurred (%s) when calling the %s operation: %s\n' "$1" "$2" "$3" >&2; exit 254; }
    case "$1 $2" in
      "sts get-caller-identity") echo "{\"UserId\": \"AROAEXAMPLE:s\", \"Account\": \"$account\", \"Arn\": \"arn:aws:sts::$account:assumed-role/r/s\"}" ;;
      "iam get-account-authorization-details") echo '{"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [], "Policies": []}' ;;
      "iam list-account-aliases") echo '{"AccountAliases": []}' ;;
      "s3control get-public-access-block")
        [ "$account" = 222222222222 ] && fail AccessDenied GetPublicAccessBlock "Access Denied"
        echo '{"PublicAccessBlockConfiguration": {"BlockPublicAcls": true}}' ;;
      "s3api list-buckets") echo "{\"Buckets\": [{\"Name\": \"b-$account\"}, {\"Name\": \"open-$account\"}]}" ;;
      "s3api get-bucket-policy")
        case "$bucket" in open-*) fail NoSuchBucketPolicy GetBucketPolicy "The bucket policy does not exist" ;; esac
        echo '{"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[]}"}' ;;
      "s3api get-bucket-encryption")
        echo "{\"ServerSideEncryptionConfiguration\": {\"Rules\": [{\"ApplyServerSideEncryptionByDefault\": {\"SSEAlgorithm\": \"aws:kms\", \"KMSMasterKeyID\": \"arn:aws:kms:eu-west-1:$account:key/far-key\"}}]}}" ;;
      "kms list-keys") echo '{"Keys": [{"KeyId": "near-key"}]}' ;;
      "kms get-key-policy") echo "{\"Policy\": \"{}\", \"PolicyName\": \"default\", \"Region\": \"${region:-default}\"}" ;;
      "kms describe-key") echo "{\"KeyMetadata\": {\"KeyId\": \"$key\"}}" ;;
      "organizations describe-organization") echo '{"Organization": {"Id": "o-example", "MasterAccountId": "222222222222"}}' ;;
      "organizations list-accounts") echo '{"Accounts": [{"Id": "111111111111"}, {"Id": "222222222222"}]}' ;;
      "organizations list-roots") echo '{"Roots": [{"Id": "r-root"}]}' ;;
      "organizations list-organizational-units-for-parent")
        case "$parent" in
          r-root) echo '{"OrganizationalUnits": [{"Id": "ou-root-first"}]}' ;;
          ou-root-first) echo '{"OrganizationalUnits": [{"Id": "ou-root-second"}]}' ;;
          *) echo '{"OrganizationalUnits": []}' ;;
        esac ;;
      "organizations list-policies")
        [ "$filter" = RESOURCE_CONTROL_POLICY ] && echo '{"Policies": [{"Id": "p-rcp"}]}' || echo '{"Policies": [{"Id": "p-scp"}]}' ;;
      *) echo '{}' ;;
    esac
    """#

  struct Run {
    let folder: URL
    let result: TrustwalkBinary.Result
    let calls: [String]

    func exists(_ path: String) -> Bool {
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("snapshot/\(path)").path)
    }

    func text(_ path: String) throws -> String {
      try String(contentsOf: folder.appendingPathComponent("snapshot/\(path)"), encoding: .utf8)
    }
  }

  static func collect(_ arguments: [String]) throws -> Run {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trustwalk-fakeaws-\(UUID().uuidString)")
    let bin = folder.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let aws = bin.appendingPathComponent("aws")
    try Data(fakeAWS.utf8).write(to: aws)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: aws.path)
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = bin.path + ":/usr/bin:/bin"
    environment["FAKE_AWS_LOG"] = folder.appendingPathComponent("calls.log").path
    environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9"
    let result = try TrustwalkBinary.run(
      ["collect", folder.appendingPathComponent("snapshot").path] + arguments, environment: environment)
    let log = (try? String(contentsOf: folder.appendingPathComponent("calls.log"), encoding: .utf8)) ?? ""
    return Run(folder: folder, result: result, calls: log.split(separator: "\n").map(String.init))
  }

  @Test func recordsAnswersAndAbsentSettingsAndWarnsAboutOtherErrors() throws {
    let run = try Self.collect(["--profile", "one", "--profile", "two", "--profile", "nobody"])
    defer { try? FileManager.default.removeItem(at: run.folder) }
    #expect(run.result.status == 1)
    #expect(run.result.stdout.contains("collected 2 accounts (111111111111, 222222222222)"))
    #expect(run.result.stderr.contains("error: profile nobody: could not get the caller identity"))
    #expect(run.result.stderr.contains("warning: 222222222222/s3control/get-public-access-block.json: "))
    #expect(!run.result.stderr.contains("NoSuchBucketPolicy"), "absent settings are not warnings")
    #expect(run.exists("111111111111/s3control/get-public-access-block.json"))
    #expect(
      try run.text("222222222222/s3control/get-public-access-block.error.txt").contains("AccessDenied"))
    #expect(run.exists("111111111111/s3/buckets/b-111111111111/get-bucket-policy.json"))
    #expect(
      try run.text("111111111111/s3/buckets/open-111111111111/get-bucket-policy.error.txt")
        .contains("(NoSuchBucketPolicy)"))
    for command in [
      "get-bucket-ownership-controls", "get-public-access-block", "get-bucket-acl",
      "get-bucket-policy-status",
    ] {
      #expect(run.exists("222222222222/s3/buckets/b-222222222222/\(command).json"))
    }
    #expect(run.exists("111111111111/kms/keys/near-key/describe-key.json"))
    #expect(try run.text("111111111111/kms/keys/far-key/get-key-policy.json").contains("eu-west-1"))
  }

  @Test func passesArgumentsAsAnArrayWithJSONOutputAndTheEnvironment() throws {
    let run = try Self.collect(["--profile", "semi;colon", "--region", "us-west-2"])
    defer { try? FileManager.default.removeItem(at: run.folder) }
    #expect(run.result.status == 0, "\(run.result.stderr)")
    #expect(!run.calls.isEmpty)
    for call in run.calls {
      #expect(call.contains("--output json"), "\(call)")
      #expect(call.contains("--profile semi;colon"), "\(call)")
      #expect(call.contains("pager= |"), "\(call)")
      #expect(call.contains("endpoint=http://127.0.0.1:9"), "\(call)")
    }
    #expect(run.calls.contains { $0.hasPrefix("kms list-keys") && $0.contains("--region us-west-2") })
  }

  @Test func refusesToOverwriteAnAccountAlreadyInTheFolder() throws {
    let first = try Self.collect(["--profile", "one"])
    defer { try? FileManager.default.removeItem(at: first.folder) }
    #expect(first.result.status == 0, "\(first.result.stderr)")
    let again = try TrustwalkBinary.run(
      ["collect", first.folder.appendingPathComponent("snapshot").path, "--profile", "one"],
      environment: ProcessInfo.processInfo.environment.merging(
        [
          "PATH": first.folder.appendingPathComponent("bin").path + ":/usr/bin:/bin",
          "FAKE_AWS_LOG": first.folder.appendingPathComponent("calls.log").path,
        ], uniquingKeysWith: { $1 }))
    #expect(again.status == 2)
    #expect(again.stderr.contains("already in the snapshot folder"))
  }

  @Test func readsTheOrganizationWithTheManagementAccountsProfile() throws {
    let run = try Self.collect(["--profile", "one", "--profile", "two", "--organization"])
    defer { try? FileManager.default.removeItem(at: run.folder) }
    #expect(run.result.status == 1, "only the AccessDenied of profile two: \(run.result.stderr)")
    #expect(run.result.stdout.contains("and the organization"))
    let organizationCalls = run.calls.filter { $0.hasPrefix("organizations ") }
    #expect(
      organizationCalls.filter { !$0.contains("describe-organization") }.allSatisfy {
        $0.contains("--profile two")
      })
    for path in [
      "organizations/describe-organization.json", "organizations/list-accounts.json",
      "organizations/list-roots.json",
      "organizations/ous/ou-root-first/describe-organizational-unit.json",
      "organizations/ous/ou-root-second/describe-organizational-unit.json",
      "organizations/parents/111111111111/list-parents.json",
      "organizations/parents/ou-root-second/list-parents.json",
      "organizations/policies/p-scp/describe-policy.json",
      "organizations/policies/p-rcp/list-targets-for-policy.json",
    ] {
      #expect(run.exists(path), "\(path)")
    }
  }

  @Test func usesTheCurrentCredentialsWithoutProfiles() throws {
    let run = try Self.collect([])
    defer { try? FileManager.default.removeItem(at: run.folder) }
    #expect(run.result.status == 0, "\(run.result.stderr)")
    #expect(run.exists("333333333333/iam/get-account-authorization-details.json"))
    #expect(run.calls.allSatisfy { !$0.contains("--profile") })
  }
}
