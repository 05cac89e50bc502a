/// The cycles of a directed graph whose nodes are numbered: Tarjan's strongly connected
/// components, with an explicit stack so that a long chain does not overflow. A component
/// of one node counts only when the node points at itself.
enum Cycles {
  static func components(_ edges: [[Int]]) -> [[Int]] {
    var order = [Int](repeating: -1, count: edges.count)
    var low = order
    var onStack = [Bool](repeating: false, count: edges.count)
    var stack: [Int] = []
    var components: [[Int]] = []
    var visited = 0
    func visit(_ node: Int) {
      (order[node], low[node]) = (visited, visited)
      visited += 1
      stack.append(node)
      onStack[node] = true
    }
    for start in edges.indices where order[start] < 0 {
      var work: [(node: Int, next: Int)] = [(start, 0)]
      visit(start)
      while var frame = work.popLast() {
        let next = edges[frame.node]
        if frame.next < next.count {
          let target = next[frame.next]
          frame.next += 1
          work.append(frame)
          if order[target] < 0 {
            visit(target)
            work.append((target, 0))
          } else if onStack[target] {
            low[frame.node] = min(low[frame.node], order[target])
          }
          continue
        }
        if let parent = work.last { low[parent.node] = min(low[parent.node], low[frame.node]) }
        guard low[frame.node] == order[frame.node] else { continue }
        var component: [Int] = []
        while let member = stack.popLast() {
          onStack[member] = false
          component.append(member)
          if member == frame.node { break }
        }
        if component.count > 1 || next.contains(frame.node) { components.append(component) }
      }
    }
    return components
  }

  /// The walk round a cycle from its first member (by id), always to the first next member
  /// inside it, back to the start: `a → b → c → a`.
  /// - Parameter next: a member's references, in the order written.
  static func path(through members: Set<String>, next: (String) -> [String]) -> [String] {
    let first = members.min()!
    var path = [first]
    var current = first
    repeat {
      current = next(current).first { members.contains($0) }!
      path.append(current)
    } while current != first && path.count <= members.count
    return path
  }
}
