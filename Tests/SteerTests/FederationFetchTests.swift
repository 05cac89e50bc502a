import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `steer federation fetch` against servers that misbehave: it gives up within its timeout and
/// says why, naming the member, in the reader's language.
@Suite struct FederationFetchTests {
  /// A TCP socket bound to a free loopback port. Listening, it is a server that never answers:
  /// the kernel accepts connections into its backlog, and nobody reads them. Not listening, it
  /// refuses them. No child process: a server that outlives its test would hold other tests'
  /// pipes.
  final class LoopbackSocket {
    let descriptor: Int32
    private(set) var port = 0

    init(listening: Bool) {
      #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
      #endif
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      var length = socklen_t(MemoryLayout<sockaddr_in>.size)
      let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
          bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
        }
      }
      guard bound, !listening || listen(descriptor, 8) == 0 else { return }
      port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
  }

  @Test func aServerThatNeverAnswersFailsWithinTheTimeout() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let server = LoopbackSocket(listening: true)
    #expect(server.port > 0)
    try FederationTests().territory(directory)
    let region = directory.path + "/region"
    try git(["init", "-q"], in: region)
    try directory.write(
      "region/.steer.yaml",
      """
      federation:
        - {name: commune-h, repository: 'http://127.0.0.1:\(server.port)/commune-h.git'}
        - {name: commune-g, repository: 'git://127.0.0.1:\(server.port)/commune-g.git'}

      """)
    let start = Date()
    let fetched = try run(steerExecutable, ["federation", "fetch", "--timeout", "2", "--lang", "fr"], in: region)
    #expect(Date().timeIntervalSince(start) < 20)
    #expect(fetched.status == 2)
    for name in ["commune-h", "commune-g"] {
      #expect(
        fetched.stderr.contains(
          "le membre «\u{A0}\(name)\u{A0}» de la fédération n'a pas pu être récupéré depuis"),
        "\(fetched.stderr)")
    }
    #expect(fetched.stderr.contains("le serveur n'a pas répondu en 2\u{A0}s"), "\(fetched.stderr)")
    #expect(fetched.stderr.contains("--timeout SECONDES"), "\(fetched.stderr)")
  }

  @Test func aRefusedConnectionAndAnUnknownHostAreSaidSo() throws {
    let refusing = LoopbackSocket(listening: false)
    #expect(refusing.port > 0)
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FederationTests().territory(directory)
    let region = directory.path + "/region"
    try git(["init", "-q"], in: region)
    try directory.write(
      "region/.steer.yaml",
      """
      federation:
        - {name: commune-r, repository: 'https://127.0.0.1:\(refusing.port)/commune-r.git'}
        - {name: commune-u, repository: 'https://nowhere.invalid/commune-u.git'}
        - {name: commune-n, repository: 'file://\(directory.path)/nowhere'}

      """)
    let french = try run(steerExecutable, ["federation", "fetch", "--timeout", "2", "--lang", "fr"], in: region)
    #expect(french.status == 2)
    #expect(french.stderr.contains("le serveur a refusé la connexion"), "\(french.stderr)")
    #expect(french.stderr.contains("l'hôte «\u{A0}nowhere.invalid\u{A0}» est inconnu"), "\(french.stderr)")
    #expect(french.stderr.contains("il n'y a pas de dépôt à cette URL"), "\(french.stderr)")
    let english = try run(steerExecutable, ["federation", "fetch", "commune-r", "--lang", "en"], in: region)
    #expect(english.stderr.contains("federation member 'commune-r' could not be fetched"), "\(english.stderr)")
    #expect(english.stderr.contains("the server refused the connection"), "\(english.stderr)")
  }

  @Test func aMemberGivenByAPathNeedsNoFetch() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FederationTests().territory(directory)
    let region = directory.path + "/region"
    try git(["init", "-q"], in: region)
    let fetched = try run(steerExecutable, ["federation", "fetch", "commune-a", "--lang", "fr"], in: region)
    #expect(fetched.status == 0)
    #expect(
      fetched.stdout.contains(
        "commune-a est donné par un chemin (../commune-a)\u{202F}: il se lit sur place et n'a pas besoin d'être récupéré"
      ),
      "\(fetched.stdout)")
  }

  @Test func theRegionItselfOrOneRepositoryTwiceIsASchemaError() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FederationTests().territory(directory)
    let region = directory.path + "/region"
    try git(["init", "-q"], in: region)
    try directory.write(
      "region/.steer.yaml",
      try directory.read("region/.steer.yaml")
        + "  - {name: region, repository: ../region/}\n  - {name: again, repository: ./../commune-b}\n")
    let result = try run(steerExecutable, ["check", "--lang", "fr"], in: region)
    #expect(result.status == 1)
    #expect(result.stdout.contains(".steer.yaml:4:"), "\(result.stdout)")
    #expect(result.stdout.contains("une région ne se fédère pas elle-même"), "\(result.stdout)")
    #expect(result.stdout.contains(".steer.yaml:5:"), "\(result.stdout)")
    #expect(
      result.stdout.contains("est déjà le dépôt du membre «\u{A0}commune-b\u{A0}»"), "\(result.stdout)")
  }

  /// A typo in `.steer.yaml` may drop a gate's or a member's entry: no gate is then evaluated,
  /// in `metrics` and the summaries as in `check`.
  @Test func aConfigurationWithErrorsFakesNoStatus() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FederationTests().territory(directory)
    let region = directory.path + "/region"
    try git(["init", "-q"], in: region)
    try directory.write(
      "region/.steer.yaml",
      "language: fr\ngates:\n  coverage: 0.75\nfederaton:\n  - {name: commune-a, repository: ../commune-a}\n")
    let check = try run(steerExecutable, ["check"], in: region)
    #expect(check.status == 1)
    let metrics = try run(steerExecutable, ["metrics"], in: region)
    #expect(!metrics.stdout.contains("NON TENU"), "\(metrics.stdout)")
    #expect(metrics.stderr.contains("erreurs de lecture"), "\(metrics.stderr)")
    let summary = try run(steerExecutable, ["summary", "--audience", "elected"], in: region)
    #expect(!summary.stdout.contains("n'est pas tenu"), "\(summary.stdout)")
    #expect(!summary.stdout.contains("tous les seuils sont tenus"), "\(summary.stdout)")
    #expect(
      summary.stdout.contains("aucun seuil n'est évalué tant que .steer.yaml comporte des erreurs de lecture"),
      "\(summary.stdout)")
    #expect(
      metrics.stderr.contains("le seuil «\u{A0}Objectifs couverts\u{A0}» n'est pas évalué"),
      "\(metrics.stderr)")
  }
}
