import Testing

@testable import TerminalUI

@Suite struct ReducerBrowseTests {
  @Test func jAndKMoveWithinTheListAndStopAtTheEnds() {
    let state = sampleState()
    #expect(press(state, .character("k")).cursor(.accounts) == 0)
    #expect(press(state, .character("j")).cursor(.accounts) == 1)
    #expect(press(state, .down, .down, .down).cursor(.accounts) == 1)
    #expect(press(state, .character("G")).cursor(.accounts) == 1)
    #expect(press(state, .character("G"), .character("g")).cursor(.accounts) == 0)
  }

  @Test func tabHAndLMoveFocusBetweenPanes() {
    let state = sampleState()
    #expect(press(state, .tab).browseFocus == .principals)
    #expect(press(state, .tab, .tab, .tab).browseFocus == .accounts)
    #expect(press(state, .character("l"), .character("l")).browseFocus == .resources)
    #expect(press(state, .backTab).browseFocus == .resources)
    #expect(press(state, .right, .character("h")).browseFocus == .accounts)
  }

  @Test func enterOnAnAccountFocusesItsPrincipals() {
    let state = press(sampleState(), .enter)
    #expect(state.browseFocus == .principals)
    #expect(state.visiblePrincipals.map(\.name) == ["bobbytables", "account-a-s3-role"])
  }

  @Test func movingToAnotherAccountResetsThePrincipalAndBucketCursors() {
    let state = press(sampleState(), .tab, .down, .backTab, .down)
    #expect(state.selectedAccount?.id == "222222222222")
    #expect(state.list(.principals).cursor == 0)
    #expect(
      state.visibleTargets.map(\.uri) == [
        "s3://account-b-bucket/", "s3://account-b-bucket/fighters/", "s3://account-b-bucket/foo/",
      ])
  }

  @Test func enterOnAPrincipalOpensCanWhatAndEscGoesBack() {
    let opened = press(sampleState(), .enter, .enter)
    #expect(opened.screen == .canWhat("arn:aws:iam::111111111111:user/bobbytables"))
    let back = press(opened, .escape)
    #expect(back.screen == .browse)
    #expect(back.browseFocus == .principals)
    #expect(press(back, .escape).browseFocus == .accounts)
  }

  @Test func enterOnAPrefixOpensWhoCanThenPaths() {
    let whoCan = press(sampleState(), .down, .tab, .tab, .down, .down, .enter)
    let foo = TargetRef(bucket: "account-b-bucket", prefix: "foo/")
    #expect(whoCan.screen == .whoCan(foo))
    let rows = whoCan.visibleQuestions(.whoCan(foo))
    #expect(
      rows.contains(
        CellKey(principal: "arn:aws:iam::111111111111:user/bobbytables", target: foo, level: .write)))
    #expect(rows.first?.level == .write, "grouped by level, write first")
    #expect(
      rows.contains { $0.level == .read }, "denied levels of principals with some access are listed too")
    let paths = press(whoCan, .enter)
    #expect(paths.screen == .paths(rows[0]))
    #expect(press(paths, .character("h")).screen == .whoCan(foo))
  }
}

@Suite struct ReducerMatrixTests {
  @Test func twoOpensTheMatrixAndLevelKeysSwitchLevel() {
    let matrix = press(sampleState(), .character("2"))
    #expect(matrix.screen == .matrix)
    #expect(press(matrix, .character("r")).matrixLevel == .read)
    #expect(press(matrix, .character("l")).matrixLevel == .list)
    #expect(press(matrix, .character("p")).matrixLevel == .permissions)
    #expect(press(matrix, .character("d"), .character("w")).matrixLevel == .write)
  }

  @Test func rReloadsOutsideTheMatrixAndCtrlRReloadsInside() {
    #expect(press(sampleState(), .character("r")).pendingCommand == .reload)
    let matrix = press(sampleState(), .character("2"))
    #expect(press(matrix, .character("r")).pendingCommand == nil)
    #expect(press(matrix, .control("r")).pendingCommand == .reload)
  }

  @Test func arrowsMoveTheCellAndEnterOpensItsPaths() {
    let state = press(
      sampleState(), .character("2"), .character("r"), .right, .right, .right, .right, .down)
    let key = CellKey(
      principal: "arn:aws:iam::111111111111:role/account-a-s3-role",
      target: TargetRef(bucket: "account-b-bucket", prefix: "foo/"), level: .read)
    #expect(state.matrixCellKey == key)
    let paths = press(state, .enter)
    #expect(paths.screen == .paths(key))
    #expect(press(paths, .escape).screen == .matrix)
  }

  @Test func numberKeysResetTheViewStack() {
    let deep = press(sampleState(), .character("2"), .enter)
    #expect(deep.screens.count == 2)
    #expect(press(deep, .character("1")).screens == [.browse])
    #expect(press(deep, .character("3")).screens == [.gaps])
  }
}

@Suite struct ReducerFilterTests {
  @Test func typingNarrowsTheMatrixRowsLikeAFreshFilterDoes() {
    let matrix = press(sampleState(), .character("2"), .character("/"))
    let all = matrix.model.matrixPrincipals.map(\.name)
    func fresh(_ filter: String) -> [String] {
      let needle = filter.hasPrefix("!") ? String(filter.dropFirst()) : filter
      return all.filter { name in
        let hit =
          matrix.model.matrixPrincipals.first { $0.name == name }.map {
            ($0.arn + " " + $0.name).lowercased().contains(needle.lowercased())
          } ?? false
        return hit != filter.hasPrefix("!")
      }
    }
    var state = matrix
    for (index, character) in "role".enumerated() {
      state = press(state, .character(character))
      #expect(state.visibleMatrixRows.map(\.name) == fresh(String("role".prefix(index + 1))))
    }
    state = press(state, .backspace, .backspace, .backspace, .backspace, .character("!"), .character("r"))
    #expect(state.visibleMatrixRows.map(\.name) == fresh("!r"))
    #expect(state.visibleMatrixRows.count < all.count)
  }

  @Test func slashFiltersLiveEnterKeepsEscClears() {
    let matrix = press(sampleState(), .character("2"), .character("/"))
    #expect(matrix.isEditingFilter)
    let typed = typing("bobby").reduce(matrix, reduce)
    #expect(typed.visibleMatrixRows.map(\.name) == ["bobbytables"])
    let kept = press(typed, .enter)
    #expect(!kept.isEditingFilter)
    #expect(kept.list(.matrixRows).filter == "bobby")
    #expect(press(kept, .character("q")).pendingCommand == .quit, "keys act normally again")
    let cleared = press(kept, .escape)
    #expect(cleared.list(.matrixRows).filter == "")
    #expect(cleared.screen == .matrix, "the first Esc clears the filter, it does not leave")
  }

  @Test func escWhileTypingCancelsAndBackspaceDeletes() {
    let state = typing("bobx").reduce(press(sampleState(), .tab, .character("/")), reduce)
    #expect(press(state, .backspace).list(.principals).filter == "bob")
    let cancelled = press(state, .escape)
    #expect(!cancelled.isEditingFilter)
    #expect(cancelled.list(.principals).filter == "")
  }

  @Test func bangInvertsTheFilter() {
    let state = typing("!bobby").reduce(press(sampleState(), .tab, .character("/")), reduce)
    #expect(state.visiblePrincipals.map(\.name) == ["account-a-s3-role"])
  }

  @Test func typedQDoesNotQuitWhileFiltering() {
    let state = press(sampleState(), .character("/"), .character("q"))
    #expect(state.pendingCommand == nil)
    #expect(state.list(.accounts).filter == "q")
  }

  @Test func thePathViewHasNoFilter() {
    let state = press(sampleState(), .character("2"), .enter, .character("/"))
    #expect(!state.isEditingFilter)
    #expect(state.flash != nil)
  }
}

@Suite struct ReducerGlobalKeyTests {
  @Test func helpOpensScrollsAndClosesWithoutQuitting() {
    let help = press(sampleState(), .character("?"))
    #expect(help.helpScroll == 0)
    #expect(press(help, .character("j")).helpScroll == 1)
    let closed = press(help, .character("q"))
    #expect(closed.helpScroll == nil)
    #expect(closed.pendingCommand == nil)
    #expect(press(help, .escape).helpScroll == nil)
  }

  @Test func qQuits() {
    #expect(press(sampleState(), .character("q")).pendingCommand == .quit)
  }

  @Test func yCopiesWhatIsUnderTheCursor() {
    #expect(
      press(sampleState(), .tab, .character("y")).pendingCommand
        == .copy("arn:aws:iam::111111111111:user/bobbytables"))
    #expect(
      press(sampleState(), .down, .tab, .tab, .down, .down, .character("y")).pendingCommand
        == .copy("s3://account-b-bucket/foo/"))
    let path = press(sampleState(), .character("2"), .right, .right, .enter, .character("y"))
    #expect(
      path.pendingCommand
        == .copy(
          "user/bobbytables → sts:AssumeRole → role/account-a-s3-role → s3:PutObject, s3:PutObjectAcl → s3://account-b-bucket/foo/"
        ))
  }

  @Test func eAsksToExportTheFocus() {
    let state = press(sampleState(), .character("2"), .right, .right, .enter, .character("e"))
    guard case .export(let request) = state.pendingCommand else {
      Issue.record("expected an export request")
      return
    }
    #expect(request.suggestedName == "paths-bobbytables-write-account-b-bucket-foo")
    if case .path(let key) = request.focus {
      #expect(key.level == .write)
    } else {
      Issue.record("path focus")
    }
  }

  /// In the matrix, `e` exports the cell under the cursor (after a filter, one of the rows it kept).
  @Test func eInTheMatrixExportsTheCellUnderTheCursor() {
    let state = press(sampleState(), .character("2"), .right, .right, .character("e"))
    guard case .export(let request) = state.pendingCommand, case .path(let key) = request.focus else {
      Issue.record("expected a cell export, got \(String(describing: state.pendingCommand))")
      return
    }
    #expect(key.target.uri == "s3://account-b-bucket/foo/")
    #expect(key.level == .write)
    #expect(request.suggestedName.hasPrefix("paths-"))
  }

  @Test func commandDoneClearsTheCommandAndShowsTheMessageUntilTheNextKey() {
    var state = press(sampleState(), .character("y"))
    state.commandDone(message: "copied 111111111111")
    #expect(state.pendingCommand == nil)
    #expect(state.flash == "copied 111111111111")
    #expect(press(state, .down).flash == nil)
  }

  @Test func resizeKeepsTheSizeAndATooSmallScreenIgnoresAllButQ() {
    let small = press(sampleState(), .resize(ScreenSize(columns: 30, rows: 8)))
    #expect(small.size == ScreenSize(columns: 30, rows: 8))
    #expect(press(small, .down, .tab).browseFocus == .accounts)
    #expect(press(small, .down).cursor(.accounts) == 0)
    #expect(press(small, .character("q")).pendingCommand == .quit)
    #expect(press(small, .resize(ScreenSize(columns: 80, rows: 24)), .down).cursor(.accounts) == 1)
  }

  @Test func enterOnAGapJumpsToItsPath() {
    let state = press(sampleState(), .character("3"), .enter)
    #expect(
      state.screen
        == .paths(
          CellKey(
            principal: "arn:aws:iam::111111111111:role/account-a-s3-role",
            target: TargetRef(bucket: "account-b-bucket"), level: .write)))
  }

  @Test func gapsWithOnlyATargetJumpToWhoCan() {
    let state = press(
      AppState(model: MixedVerdictModel.model, size: ScreenSize(columns: 80, rows: 24)),
      .character("3"), .enter)
    #expect(state.screen == .whoCan(MixedVerdictModel.logs), "the high finding is listed first")
  }

  @Test func pathViewScrollsWithinItsDocument() {
    let paths = press(sampleState(80, 24), .character("2"), .character("r"), .right, .enter)
    #expect(paths.itemCount(paths.activeList) > 1)
    #expect(press(paths, .character("j")).cursor(paths.activeList) == 1)
    let bottom = press(paths, .character("G"))
    #expect(bottom.cursor(paths.activeList) == paths.itemCount(paths.activeList) - 1)
  }
}
