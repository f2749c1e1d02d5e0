import Authorization
import PolicyLanguage
import Testing
import TrustGraph

/// The "blocked by SSE-KMS" text names the side whose layers do not allow the key use.
@Suite struct KMSRefusalTests {
  static let key = "arn:aws:kms:us-east-1:444444444444:key/k1"

  static func layer(_ layer: LayerResult.Layer, _ outcome: Decision.Outcome, sid: String? = nil)
    -> LayerResult
  {
    let effect: Effect = outcome == .explicitDeny ? .deny : .allow
    let statements =
      sid.map {
        [StatementEvidence(policy: PolicySource(name: "p"), sid: $0, index: 0, effect: effect, location: nil)]
      }
      ?? []
    return LayerResult(layer: layer, outcome: outcome, statements: statements)
  }

  static func refusal(_ evidence: [LayerResult]) -> String {
    KMSUse(action: "kms:Decrypt", key: key, status: .denied, evidence: evidence).refusal
  }

  @Test func keyPolicyRefusesWhileTheCallerAllows() {
    let text = Self.refusal([
      Self.layer(.identity, .allow, sid: "UseArtifactKey"), Self.layer(.resource, .implicitDeny),
    ])
    #expect(
      text
        == "the key policy of key \(Self.key) does not allow it (the caller's own policy does: UseArtifactKey)"
    )
  }

  @Test func callerIdentityRefusesWhileTheKeyPolicyAllows() {
    let text = Self.refusal([
      Self.layer(.identity, .implicitDeny), Self.layer(.resource, .allow, sid: "AllowReaders"),
    ])
    #expect(
      text
        == "the caller's identity policy does not allow it (the key policy of key \(Self.key) does: AllowReaders)"
    )
  }

  @Test func aBoundaryThatRefusesIsNamedNotTheAllowingIdentityPolicy() {
    let text = Self.refusal([
      Self.layer(.identity, .allow, sid: "UseKey"), Self.layer(.boundary, .implicitDeny),
      Self.layer(.resource, .allow, sid: "AllowReaders"),
    ])
    #expect(
      text
        == "the caller's permissions boundary does not allow it (the key policy of key \(Self.key) does: AllowReaders)"
    )
  }

  @Test func bothSidesRefusing() {
    let text = Self.refusal([Self.layer(.identity, .implicitDeny), Self.layer(.resource, .implicitDeny)])
    #expect(text == "neither the key policy of key \(Self.key) nor the caller's identity policy allow it")
  }

  @Test func anExplicitDenyIsNamedWithItsStatement() {
    let text = Self.refusal([
      Self.layer(.scp, .explicitDeny, sid: "DenyKMS"), Self.layer(.identity, .allow, sid: "UseKey"),
      Self.layer(.resource, .allow, sid: "AllowReaders"),
    ])
    #expect(text == "the SCPs of the caller's account deny it (DenyKMS)")
  }
}
