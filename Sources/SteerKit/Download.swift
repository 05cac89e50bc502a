import Foundation
import SteerModel

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Downloads a source file for `steer import measurements`: the one request Steer makes
/// besides `federation fetch`. Only `https://` leaves the machine; `http://` is accepted for
/// the loopback address alone (a local server, a test), so that no value is read unprotected.
enum Download {
  /// A source larger than this is refused: a series has thousands of rows, not millions.
  static let maximumSize = 64 << 20

  /// Whether `text` names a URL to download rather than a file.
  static func isURL(_ text: String) -> Bool {
    text.hasPrefix("https://") || text.hasPrefix("http://")
  }

  /// A timeout of no seconds or fewer cannot be waited for: refused before anything is read.
  static func validate(timeout: Int) throws(SteerError) {
    guard timeout >= 1 else {
      throw SteerError(
        en: "--timeout takes a number of seconds, 1 or more", fr: "--timeout demande un nombre de secondes, 1 ou plus")
    }
  }

  /// The body of a GET of `address`; a request that makes no progress for `timeout` seconds fails.
  static func bytes(of address: String, timeout: Int) throws(SteerError) -> [UInt8] {
    guard let url = URL(string: address), let host = url.host,
      url.scheme == "https" || (url.scheme == "http" && ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host))
    else {
      throw SteerError(
        en: "'\(address)' is not an https:// URL", fr: "« \(address) » n'est pas une URL https://",
        hint: (
          en: "give the https:// address of the CSV file, or download it and give its path",
          fr: "indiquez l'adresse https:// du fichier CSV, ou téléchargez-le et indiquez son chemin"
        ))
    }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = TimeInterval(timeout)
    configuration.timeoutIntervalForResource = TimeInterval(timeout * 10)
    let session = URLSession(configuration: configuration)
    defer { session.finishTasksAndInvalidate() }
    let answer = Answer()
    session.dataTask(with: url) { data, response, error in
      answer.deliver(data: data, status: (response as? HTTPURLResponse)?.statusCode, error: error)
    }.resume()
    let (data, status, error) = answer.wait()
    if let error {
      throw failure(address, error as? URLError, timeout: timeout)
    }
    guard let data, status.map({ (200..<300).contains($0) }) ?? true else {
      let code = status.map(String.init) ?? "?"
      throw SteerError(
        en: "\(address) answered with HTTP status \(code)", fr: "\(address) a répondu avec le statut HTTP \(code)",
        hint: (en: "check the address in a browser", fr: "vérifiez l'adresse dans un navigateur"))
    }
    guard data.count <= maximumSize else {
      throw SteerError(
        en: "\(address) is larger than \(maximumSize >> 20) MiB", fr: "\(address) dépasse \(maximumSize >> 20) Mio")
    }
    return [UInt8](data)
  }

  private static func failure(_ address: String, _ error: URLError?, timeout: Int) -> SteerError {
    let hint: (en: String, fr: French) = (
      en: "try again later, or give it more time with `--timeout SECONDS`",
      fr: "réessayez plus tard, ou laissez-lui plus de temps avec `--timeout SECONDES`"
    )
    switch error?.code {
    case .timedOut?:
      return SteerError(
        en: "\(address) did not answer within \(timeout) s", fr: "\(address) n'a pas répondu en \(timeout)\u{A0}s",
        hint: hint)
    case .cannotFindHost?, .dnsLookupFailed?:
      return SteerError(
        en: "the host of \(address) is unknown", fr: "l'hôte de \(address) est inconnu",
        hint: (en: "check the address", fr: "vérifiez l'adresse"))
    case .serverCertificateUntrusted?, .secureConnectionFailed?, .serverCertificateHasBadDate?,
      .serverCertificateNotYetValid?, .serverCertificateHasUnknownRoot?:
      return SteerError(
        en: "the secure connection to \(address) failed", fr: "la connexion sécurisée à \(address) a échoué")
    default:
      return SteerError(
        en: "cannot download \(address): the connection failed",
        fr: "impossible de télécharger \(address) : la connexion a échoué",
        hint: hint)
    }
  }
}

/// What a request's completion handler delivers, handed to the thread that waits for it.
// @unchecked: every access to the stored properties is under `condition`'s lock, which the
// compiler cannot see (the completion runs on URLSession's queue, the wait on the caller's thread).
private final class Answer: @unchecked Sendable {
  private var data: Data?
  private var status: Int?
  private var error: (any Error)?
  private var isDone = false
  private let condition = NSCondition()

  func deliver(data: Data?, status: Int?, error: (any Error)?) {
    condition.lock()
    (self.data, self.status, self.error, isDone) = (data, status, error, true)
    condition.broadcast()
    condition.unlock()
  }

  func wait() -> (Data?, Int?, (any Error)?) {
    condition.lock()
    defer { condition.unlock() }
    while !isDone { condition.wait() }
    return (data, status, error)
  }
}
