/// What `y` copies and `e` exports: the thing the cursor is on.
extension AppState {
  /// The ARN, bucket URI or chain under the cursor; `nil` when the list is empty.
  var copyText: String? {
    switch screen {
    case .browse:
      switch browseFocus {
      case .accounts: return selectedAccount?.id
      case .principals: return element(visiblePrincipals, at: cursor(.principals))?.arn
      case .resources: return element(visibleTargets, at: cursor(.resources))?.uri
      }
    case .matrix:
      return matrixCellKey.map { "\($0.principal) \($0.level.rawValue) \($0.target.uri)" }
    case .gaps:
      guard let gap = element(visibleGaps, at: cursor(.gaps)) else { return nil }
      return gap.principal ?? gap.target?.uri ?? gap.title
    case .whoCan:
      return element(visibleQuestions(activeList), at: cursor(activeList))?.principal
    case .canWhat:
      return element(visibleQuestions(activeList), at: cursor(activeList))?.target.uri
    case .paths(let key):
      guard let chain = model.path(key)?.chains.first, let first = chain.hops.first else {
        return "\(key.principal) \(key.level.rawValue) \(key.target.uri)"
      }
      return ([first.from] + chain.hops.flatMap { [$0.action, $0.to] }).joined(separator: " \(glyphs.arrow) ")
    }
  }

  /// What the current view is about, with a file-name stem; the runner adds the text.
  var exportRequest: ExportRequest {
    let focus: ExportRequest.Focus
    switch screen {
    case .browse:
      switch browseFocus {
      case .accounts: focus = .account(selectedAccount?.id ?? "none")
      case .principals:
        focus = element(visiblePrincipals, at: cursor(.principals)).map { .principal($0.arn) } ?? .gaps
      case .resources:
        focus = element(visibleTargets, at: cursor(.resources)).map { .target($0) } ?? .gaps
      }
    // The cell under the cursor is the focus (the whole setup only when the matrix is empty).
    case .matrix: focus = matrixCellKey.map { .path($0) } ?? .matrix(matrixLevel)
    case .gaps: focus = .gaps
    case .whoCan(let target): focus = .target(target)
    case .canWhat(let principal): focus = .principal(principal)
    case .paths(let key): focus = .path(key)
    }
    return ExportRequest(focus: focus, suggestedName: Self.fileStem(for: focus), text: "")
  }

  static func fileStem(for focus: ExportRequest.Focus) -> String {
    let raw: String
    switch focus {
    case .account(let id): raw = "account-\(id)"
    case .principal(let arn): raw = "can-what-\(arn.split(separator: "/").last ?? "")"
    case .target(let target): raw = "who-can-\(target.bucket)-\(target.prefix)"
    case .matrix(let level): raw = "matrix-\(level.rawValue)"
    case .path(let key):
      raw =
        "paths-\(key.principal.split(separator: "/").last ?? "")-\(key.level.rawValue)-\(key.target.bucket)-\(key.target.prefix)"
    case .gaps: raw = "gaps"
    }
    let safe = raw.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "-" }
    return String(String(safe).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-"))
  }
}
