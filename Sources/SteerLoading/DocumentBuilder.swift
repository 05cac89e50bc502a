import SteerModel

/// Builds typed documents from validated fields. A document whose required fields are not
/// all valid is not built (its findings say why); list entries missing a required field
/// are dropped the same way.
enum DocumentBuilder {
  static func vision(_ o: ValidatedObject, file: String, body: String) -> Vision? {
    guard let title = o.text("title"), let territory = o.text("territory"), let horizon = o.date("horizon"),
      let carriedBy = o.word("carried_by")
    else { return nil }
    let axes = o.objects("axes").compactMap { a in
      a.word("id").flatMap { id in a.text("title").map { Axis(id: id, title: $0) } }
    }
    guard !axes.isEmpty else { return nil }
    return Vision(
      file: file, title: title, territory: territory, horizon: horizon, carriedBy: carriedBy, axes: axes,
      rollout: o.objects("rollout").compactMap { s in
        s.word("id").flatMap { id in s.text("title").map { RolloutStep(id: id, title: $0) } }
      },
      endorsements: o.objects("endorsements").compactMap { e in
        guard let stakeholder = e.word("stakeholder"), let date = e.date("date"),
          let stance = e.choice("stance", as: Stance.self)
        else { return nil }
        return Endorsement(
          stakeholder: stakeholder, date: date, stance: stance, note: e.text("note"), locations: e.locations)
      },
      locations: o.locations, body: body)
  }

  static func stakeholder(_ o: ValidatedObject, id: String, file: String, body: String) -> Stakeholder? {
    guard let name = o.text("name"), let group = o.choice("group", as: StakeholderGroup.self) else { return nil }
    let priorities = o.entries("priorities").compactMap { entry -> Priority? in
      guard case .integer(let weight) = entry.value.value else { return nil }
      return Priority(objective: entry.key, weight: weight)
    }
    return Stakeholder(
      id: id, file: file, name: name, group: group, priorities: priorities, locations: o.locations, body: body)
  }

  static func objective(_ o: ValidatedObject, id: String, file: String, body: String) -> Objective? {
    guard let title = o.text("title"), let axis = o.word("axis"), let owner = o.word("owner") else { return nil }
    if o["status"] != nil && o.choice("status", as: ObjectiveStatus.self) == nil { return nil }
    let indicators = o.objects("indicators").compactMap { i -> Indicator? in
      guard let id = i.word("id"), let title = i.text("title"), let unit = i.text("unit"),
        let direction = i.choice("direction", as: Direction.self), let baseline = i.number("baseline"),
        let baselineDate = i.date("baseline_date"), let target = i.number("target"),
        let targetDate = i.date("target_date")
      else { return nil }
      return Indicator(
        id: id, title: title, unit: unit, direction: direction, baseline: baseline, baselineDate: baselineDate,
        target: target, targetDate: targetDate, fromMembers: i.choice("from_members", as: MemberCombination.self),
        locations: i.locations)
    }
    return Objective(
      id: id, file: file, title: title, axis: axis, owner: owner,
      status: o.choice("status", as: ObjectiveStatus.self) ?? .active, indicators: indicators,
      contributesTo: o.words("contributes_to"), locations: o.locations, body: body)
  }

  static func useCase(_ o: ValidatedObject, id: String, file: String, body: String) -> UseCase? {
    let objectives = o.words("objectives")
    guard let title = o.text("title"), !objectives.isEmpty, let phase = o.choice("phase", as: Phase.self),
      let owner = o.word("owner")
    else { return nil }
    return UseCase(
      id: id, file: file, title: title, objectives: objectives, phase: phase, owner: owner, users: o.words("users"),
      rolloutStep: o.word("rollout_step"), dependsOn: o.words("depends_on"),
      effort: o.number("effort") ?? UseCase.defaultEffort, locations: o.locations, body: body)
  }

  static func workshop(_ o: ValidatedObject, id: String, file: String, body: String) -> Workshop? {
    let useCases = o.words("usecases")
    let participants = o.words("participants")
    guard let date = o.date("date"), let phase = o.choice("phase", as: WorkshopPhase.self), !useCases.isEmpty,
      participants.count >= 2
    else { return nil }
    return Workshop(
      id: id, file: file, title: o.text("title"), date: date, phase: phase, useCases: useCases,
      participants: participants, facilitator: o.word("facilitator"), decisions: o.texts("decisions"),
      locations: o.locations, body: body)
  }

  static func iteration(_ o: ValidatedObject, id: String, file: String, body: String) -> Iteration? {
    guard let title = o.text("title"), let start = o.date("start"), let end = o.date("end"),
      let status = o.choice("status", as: IterationStatus.self)
    else { return nil }
    let items = o.objects("items").compactMap { i -> Item? in
      guard let useCase = i.word("usecase"), let target = i.choice("target", as: Phase.self) else { return nil }
      return Item(useCase: useCase, target: target, effort: i.number("effort"), locations: i.locations)
    }
    return Iteration(
      id: id, file: file, title: title, start: start, end: end, status: status, goal: o.text("goal"),
      capacity: o.number("capacity"), items: items, locations: o.locations, body: body)
  }

  static func decision(_ o: ValidatedObject, id: String, file: String, body: String) -> Decision? {
    let decidedBy = o.words("decided_by")
    guard let title = o.text("title"), let date = o.date("date"),
      let status = o.choice("status", as: DecisionStatus.self),
      !decidedBy.isEmpty
    else { return nil }
    let deliberation = o.object("deliberation").flatMap { d -> Deliberation? in
      guard let council = d.text("body"), let reference = d.text("reference"), let date = d.date("date") else {
        return nil
      }
      return Deliberation(
        body: council, reference: reference, date: date, members: d.integer("members"), present: d.integer("present"),
        votesFor: d.integer("for"), against: d.integer("against"), abstention: d.integer("abstention"),
        url: d.text("url"), locations: d.locations)
    }
    return Decision(
      id: id, file: file, title: title, date: date, status: status, decidedBy: decidedBy,
      consulted: o.words("consulted"), informed: o.words("informed"), workshops: o.words("workshops"),
      concerns: o.words("concerns"), supersedes: o.words("supersedes"), options: o.texts("options"),
      deliberation: deliberation, locations: o.locations, body: body)
  }

  static func retro(_ o: ValidatedObject, iteration: String, file: String, body: String) -> Retro? {
    let participants = o.words("participants")
    guard let date = o.date("date"), !participants.isEmpty else { return nil }
    return Retro(
      iteration: iteration, file: file, date: date, participants: participants,
      delivered: o.objects("delivered").compactMap { d in
        guard let useCase = d.word("usecase"), let phase = d.choice("phase", as: Phase.self) else { return nil }
        return Delivery(useCase: useCase, phase: phase, locations: d.locations)
      },
      lessons: o.objects("lessons").compactMap { l in
        l.text("text").map { Lesson(text: $0, tags: l.words("tags").map(\.value), locations: l.locations) }
      },
      actions: o.objects("actions").compactMap { a in
        guard let text = a.text("text"), let owner = a.word("owner"), let due = a.word("due"),
          let status = a.choice("status", as: ActionStatus.self)
        else { return nil }
        return Action(
          text: text, owner: owner, due: due, status: status, id: a.word("id")?.value, locations: a.locations)
      },
      measurements: o.objects("measurements").compactMap { m in
        guard let indicator = m.word("indicator"), let value = m.number("value"), let date = m.date("date")
        else { return nil }
        return Measurement(indicator: indicator, value: value, date: date, locations: m.locations)
      },
      locations: o.locations, body: body)
  }
}
