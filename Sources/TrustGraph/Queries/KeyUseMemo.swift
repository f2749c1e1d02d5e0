import Authorization

/// Remembers SSE-KMS key checks for the length of one query, by caller (ARN and session), key and
/// KMS action: `s3:GetObject` and `s3:GetObjectVersion` both ask for `kms:Decrypt`.
final class KeyUseMemo {
  private var uses: [String: KMSUse] = [:]

  func use(_ caller: Caller, key: String, action: String, _ decide: () -> KMSUse) -> KMSUse {
    let memoKey = "\(caller.arn)|\(caller.sessionArn ?? "")|\(key)|\(action)"
    if let found = uses[memoKey] { return found }
    let found = decide()
    uses[memoKey] = found
    return found
  }
}
