import SteerModel
import SteerOutput

/// A member's use case as a region's summary and site list it.
package struct RegionUseCase {
  /// The name people read its member by.
  package var member: String
  /// `member:usecase`, as the metrics name it: for the technical edition only.
  package var id: String
  package var useCase: MemberUseCase
}

/// The members' use cases and workshop notes, listed by title with the name people read their
/// member by: never a member's id for the public.
extension SummaryModel {
  /// A member's name: its title, with its id beside it when another member shares that title
  /// (unless the page shows the id apart, as the technical edition's federation table does).
  package func memberName(_ id: String, idShownApart: Bool = false) -> String {
    guard let (title, shared) = memberTitles[id] else { return id }
    return shared && !idShownApart ? "\(title) (\(id))" : title
  }

  /// Every member's use cases, abandoned ones included, in the federation's order then by id.
  package var membersUseCases: [RegionUseCase] {
    input.members.flatMap { member in
      let name = memberName(member.name)
      return member.useCases.map { RegionUseCase(member: name, id: "\(member.name):\($0.id)", useCase: $0) }
    }
  }

  /// The members' use cases serving an objective, as its progress counts them.
  package func membersUseCases(serving objective: String) -> [RegionUseCase] {
    let ids = Set(metrics.objectiveProgress[objective]?.useCases.filter { $0.contains(":") } ?? [])
    guard !ids.isEmpty else { return [] }
    return membersUseCases.filter { ids.contains($0.id) }
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

  /// `Including 12 of the members' use cases (Aiglun: 5, Barles: 7).`
  package func membersIncluded(_ counts: [(member: String, count: Int)]) -> String {
    let total = counts.reduce(0) { $0 + $1.count }
    let each = list(
      counts.map { self(en: "\($0.member): \(number($0.count))", fr: "\($0.member) : \(number($0.count))") })
    let cases = count(total, en: ("use case", "use cases"), fr: ("cas d'usage", "cas d'usage"))
    return self(
      en: "Including \(cases) of the members (\(each)).", fr: "Dont \(cases) des membres (\(each)).")
  }
}
