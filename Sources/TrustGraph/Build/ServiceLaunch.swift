/// The services that run code under a role a principal passes to them, and what it takes to start them.
struct ServiceLaunch: Sendable {
  /// The service principal (`codebuild.amazonaws.com`).
  var service: String
  /// Every action the principal needs besides `iam:PassRole` (all of them).
  var actions: [String]
  /// Whether the role must sit in an instance profile (EC2).
  var needsInstanceProfile: Bool

  static let all: [ServiceLaunch] = [
    ServiceLaunch(
      service: "codebuild.amazonaws.com", actions: ["codebuild:CreateProject", "codebuild:StartBuild"],
      needsInstanceProfile: false),
    ServiceLaunch(service: "ec2.amazonaws.com", actions: ["ec2:RunInstances"], needsInstanceProfile: true),
    ServiceLaunch(
      service: "lambda.amazonaws.com", actions: ["lambda:CreateFunction", "lambda:InvokeFunction"],
      needsInstanceProfile: false),
    ServiceLaunch(
      service: "ecs-tasks.amazonaws.com", actions: ["ecs:RegisterTaskDefinition", "ecs:RunTask"],
      needsInstanceProfile: false),
    ServiceLaunch(
      service: "cloudformation.amazonaws.com", actions: ["cloudformation:CreateStack"],
      needsInstanceProfile: false),
  ]

  static func launch(for service: String) -> ServiceLaunch? { all.first { $0.service == service } }
}
