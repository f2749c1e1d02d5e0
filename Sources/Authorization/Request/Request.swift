import PolicyLanguage

/// One API request to authorize: who, which action, on what, with which context.
public struct Request: Sendable, Hashable {
  public var caller: Caller
  /// `service:Action`, e.g. `s3:PutObject`.
  public var action: String
  /// The resource ARN (`arn:aws:s3:::bucket/key`, a role ARN for `sts:AssumeRole`).
  public var resource: String
  /// The account that owns the resource (S3 ARNs carry none).
  public var resourceAccount: String?
  /// Context keys given by the request, and the keys declared unknown (three-valued mode). Keys AWS
  /// derives from the caller are added by the evaluator unless given here.
  public var context: RequestContext

  public init(
    caller: Caller, action: String, resource: String, resourceAccount: String? = nil,
    context: RequestContext = RequestContext()
  ) {
    self.caller = caller
    self.action = action
    self.resource = resource
    self.resourceAccount = resourceAccount
    self.context = context
  }
}
