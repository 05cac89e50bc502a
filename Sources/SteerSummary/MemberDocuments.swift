import SteerModel
import SteerOutput

/// A member's use case as a region's summary and site list it.
package struct RegionUseCase: Sendable {
  /// The name people read its member by.
  package var member: String
  /// `member:usecase`, as the metrics name it: for the technical edition only.
  package var id: String
  package var useCase: MemberUseCase
}

/// A member's name as people read it: its title, with its id beside it when another member
/// shares that title. Made once per summary: a region may have a thousand members.
struct MemberNames: Sendable {
  private let titles: [String: (title: String, shared: Bool)]

  init(_ input: SummaryInput) {
    let all = input.members.map { ($0.name, $0.title) } + input.unavailable.map { ($0.name, $0.title) }
    let uses = Dictionary(all.map { ($0.1, 1) }, uniquingKeysWith: +)
    titles = Dictionary(
      all.map { ($0.0, (title: $0.1, shared: uses[$0.1, default: 0] > 1)) }, uniquingKeysWith: { first, _ in first })
  }

  /// - Parameter idShownApart: whether the page shows the id apart, as the technical edition's
  ///   federation table does.
  func callAsFunction(_ id: String, idShownApart: Bool = false) -> String {
    guard let (title, shared) = titles[id] else { return id }
    return shared && !idShownApart ? "\(title) (\(id))" : title
  }
}

/// The members' use cases and workshop notes, listed by title with the name people read their
/// member by: never a member's id for the public.
extension SummaryModel {
  /// A member's name: its title, with its id beside it when another member shares that title
  /// (unless the page shows the id apart, as the technical edition's federation table does).
  package func memberName(_ id: String, idShownApart: Bool = false) -> String {
    memberNames(id, idShownApart: idShownApart)
  }

  /// The members' use cases serving an objective, as its progress counts them.
  package func membersUseCases(serving objective: String) -> [RegionUseCase] {
    let ids = metrics.objectiveProgress[objective]?.useCases.filter { $0.contains(":") } ?? []
    return Set(ids.flatMap { memberUseCasePositions[$0] ?? [] }).sorted().map { membersUseCases[$0] }
  }

  /// Each member's workshops that noted decisions, with the name people read the member by.
  package var membersWorkshops: [(member: String, workshop: MemberWorkshop)] {
    input.members.flatMap { member in
      let name = memberName(member.name)
      return member.workshops.map { (name, $0) }
    }
  }
}

extension Wording {
  /// `Leak detection — Valbonne (deployed)` / `Détection des fuites — Valbonne (déployé)`.
  package func memberUseCase(_ useCase: RegionUseCase) -> String {
    "\(useCase.useCase.title) — \(useCase.member) (\(useCase.useCase.phase.word(self)))"
  }

  /// `12 use cases come from the members (Aiglun: 5, Barles: 7).`: a sentence of its own, read
  /// after the counts by phase, which include them.
  package func membersIncluded(_ counts: [(member: String, count: Int)]) -> String {
    let total = counts.reduce(0) { $0 + $1.count }
    let each = list(
      counts.map { self(en: "\($0.member): \(number($0.count))", fr: "\($0.member) : \(number($0.count))") })
    let cases = count(total, en: ("use case", "use cases"), fr: ("cas d'usage", "cas d'usage"))
    let come = agreeing(with: total, en: ("comes", "come"), fr: ("vient", "viennent"))
    return self(
      en: "\(cases) \(come) from the members (\(each)).", fr: "\(cases) \(come) des membres (\(each)).")
  }
}
