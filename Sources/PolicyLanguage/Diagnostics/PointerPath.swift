/// A JSON pointer (RFC 6901) under construction, rendered only when a diagnostic needs it:
/// building `/Statement/3/Condition/StringEquals/aws:x` for every value read would cost more than
/// reading the value.
struct PointerPath {
  enum Component {
    case key(String)
    case index(Int)
  }

  /// Up to `capacity` components stored inline (a policy is never deeper where it matters).
  private var slots: (Component?, Component?, Component?, Component?, Component?, Component?, Component?) =
    (nil, nil, nil, nil, nil, nil, nil)
  private var count = 0
  private static let capacity = 7

  /// The root pointer (`""`).
  init() {}

  func appending(_ key: String) -> PointerPath { appending(.key(key)) }
  func appending(_ index: Int) -> PointerPath { appending(.index(index)) }

  private func appending(_ component: Component) -> PointerPath {
    var copy = self
    switch count {
    case 0: copy.slots.0 = component
    case 1: copy.slots.1 = component
    case 2: copy.slots.2 = component
    case 3: copy.slots.3 = component
    case 4: copy.slots.4 = component
    case 5: copy.slots.5 = component
    case 6: copy.slots.6 = component
    default: return self
    }
    copy.count += 1
    return copy
  }

  /// The pointer text (`/Statement/3/Effect`).
  var rendered: String {
    let all = [slots.0, slots.1, slots.2, slots.3, slots.4, slots.5, slots.6]
    var text = ""
    for component in all.prefix(count) {
      switch component {
      case .key(let key)?: text += "/" + JSONPointer.escape(key)
      case .index(let index)?: text += "/\(index)"
      case nil: break
      }
    }
    return text
  }
}
