import Foundation
import SteerLoading
import SteerModel
import Testing

/// The language server's ledger, read again one file at a time, is the ledger a fresh read of
/// the same files gives: the same documents in the same order, the same findings.
@Suite struct LiveLedgerTests {
  /// Each step writes a file (nil: deletes it) in the directory, then tells the live ledger.
  static let steps: [(String, String?)] = [
    (
      "vision/usecases/water-sensors.md",
      "---\ntitle: Sensors\nobjectives: [clean-water]\nphase: test\nowner: mayor\nusers: [residents]\neffort: 2\n---\n"
    ),
    ("vision/usecases/water-sensors.md", "---\ntitel: Sensors\nphase: nowhere\n---\n"),  // cannot be built
    (
      "vision/usecases/beach-app.md",
      "---\ntitle: App\nobjectives: [clean-water]\nphase: analysis\nowner: ghost\nusers: []\neffort: 1\n---\n"
    ),
    ("vision/stakeholders/residents.md", nil),
    ("vision/notes/misplaced.md", "# not a document\n"),
    ("vision/vision.md", nil),
    ("vision/stakeholders/aaa.md", "---\nname: First\ngroup: citizen\n---\n"),
    ("vision/usecases/water-sensors.md", nil),
    ("vision/notes/misplaced.md", nil),
  ]

  @Test func updatesMatchAFreshRead() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    var live = LiveLedger(directoryAt: directory.path + "/vision", shownAs: "vision", language: .fr)
    for (index, (file, text)) in Self.steps.enumerated() {
      if let text {
        try directory.write(file, text)
      } else {
        try FileManager.default.removeItem(atPath: directory.path + "/" + file)
      }
      live.update(file)
      let fresh = LedgerLoader.load(directoryAt: directory.path + "/vision", shownAs: "vision", language: .fr)
      let current = live.current()
      #expect(current.ledger == fresh.ledger, "step \(index): \(file)")
      #expect(Set(current.findings) == Set(fresh.findings), "step \(index): \(file)")
      #expect(current.sources == fresh.sources, "step \(index): \(file)")
    }
  }

  @Test func anEditorsTextStandsForTheFile() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    var live = LiveLedger(directoryAt: directory.path + "/vision", shownAs: "vision", language: .en)
    let file = "vision/usecases/water-sensors.md"
    let unsaved = try directory.read(file).replacingOccurrences(of: "phase: prototype", with: "phase: scaled")
    let changed = live.update(file, bytes: Array(unsaved.utf8))
    #expect(changed)
    #expect(live.current().ledger.useCases.first?.phase == .scaled)
    // Read again from disk (the editor closed it unsaved): the disk's text counts.
    live.update(file)
    #expect(live.current().ledger.useCases.first?.phase == .prototype)
    // A file outside the ledger, or one the ledger ignores, changes nothing.
    let outside = live.update("README.md")
    let ignored = live.update("vision/_draft.md", bytes: Array("x".utf8))
    #expect(!outside && !ignored)
    // A rescan keeps the editor's text.
    live.rescan(keeping: [file: Array(unsaved.utf8)])
    #expect(live.current().ledger.useCases.first?.phase == .scaled)
  }
}
