import SteerGit
import SteerLoading
import SteerModel
import SteerSite

extension EventSequences {
  /// Each event's SEQUENCE, from git: a first-parent walk replays the ledger's documents
  /// (only those whose blob changed), then the ledger as read counts as the last step.
  /// - Parameters:
  ///   - directory: the ledger directory, relative to the repository's root.
  ///   - head: the last commit read (default: HEAD).
  ///   - current: the ledger as read (the work tree, or `head`'s).
  public static func read(repository: Repository, directory: String, head: Commit?, current: Ledger) throws
    -> EventSequences
  {
    var tracker = Tracker()
    let commits =
      try head.map { try repository.log(from: $0.id, firstParent: true) }
      ?? repository.log(firstParent: true)
    try LedgerReplay(repository: repository, directory: directory).replay(commits.reversed()) { _, changes in
      for change in changes {
        switch change.new {
        case .workshop(let workshop)?: tracker.note(workshop)
        case .iteration(let iteration)?: tracker.note(iteration)
        default: break
        }
      }
    }
    current.workshops.forEach { tracker.note($0) }
    current.iterations.forEach { tracker.note($0) }
    return tracker.sequences
  }

  /// The dates last seen of each event; a file removed and restored keeps counting from them.
  private struct Tracker {
    var sequences = EventSequences()
    var workshopDates: [String: CalendarDate] = [:]
    var iterationDates: [String: [CalendarDate]] = [:]

    mutating func note(_ workshop: Workshop) {
      if let last = workshopDates.updateValue(workshop.date, forKey: workshop.id), last != workshop.date {
        sequences.workshops[workshop.id, default: 0] += 1
      }
    }

    mutating func note(_ iteration: Iteration) {
      let dates = [iteration.start, iteration.end]
      if let last = iterationDates.updateValue(dates, forKey: iteration.id), last != dates {
        sequences.iterations[iteration.id, default: 0] += 1
      }
    }
  }
}
