import Foundation
import SteerGit
import SteerModel

/// Who records a retrospective, found as git finds it: `GIT_AUTHOR_*` and `GIT_COMMITTER_*`
/// (names, emails, dates), then `user.name` and `user.email` from the repository's, global and
/// system configuration. `--author` sets the author and, when no committer is known, the
/// committer too.
struct Identity {
  var author: Signature
  var committer: Signature

  init(environment: [String: String], author explicit: String?, repository: Repository) throws(SteerError) {
    let configuredName = repository.configString("user.name")
    let configuredEmail = repository.configString("user.email")
    func value(_ variable: String) -> String? { environment[variable].flatMap { $0.isEmpty ? nil : $0 } }

    var author: Signature?
    if let explicit {
      guard let parsed = Signature(parsing: explicit) else {
        throw SteerError(
          en: "--author must be \"Name <mail>\", not '\(explicit)'",
          fr: "--author doit être de la forme \"Nom <courriel>\", et non « \(explicit) »")
      }
      author = parsed
    } else if let name = value("GIT_AUTHOR_NAME") ?? configuredName,
      let email = value("GIT_AUTHOR_EMAIL") ?? configuredEmail
    {
      author = Signature(name: name, email: email)
    }
    var committer: Signature?
    if let name = value("GIT_COMMITTER_NAME") ?? configuredName,
      let email = value("GIT_COMMITTER_EMAIL") ?? configuredEmail
    {
      committer = Signature(name: name, email: email)
    }
    committer = committer ?? (explicit != nil ? author : nil)

    guard let author else {
      throw Self.missing(
        "author", name: value("GIT_AUTHOR_NAME") ?? configuredName, email: value("GIT_AUTHOR_EMAIL") ?? configuredEmail,
        variables: ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL"))
    }
    guard let committer else {
      throw Self.missing(
        "committer", name: value("GIT_COMMITTER_NAME") ?? configuredName,
        email: value("GIT_COMMITTER_EMAIL") ?? configuredEmail, variables: ("GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL")
      )
    }
    self.author = author
    self.committer = committer
    self.author.time = try Self.date(value("GIT_AUTHOR_DATE"), variable: "GIT_AUTHOR_DATE")
    self.committer.time = try Self.date(value("GIT_COMMITTER_DATE"), variable: "GIT_COMMITTER_DATE")
  }

  /// Says which of the name and the email is missing, and the two ways to give it.
  private static func missing(
    _ role: String, name: String?, email: String?, variables: (name: String, email: String)
  ) -> SteerError {
    let what =
      name == nil && email == nil
      ? (en: "name and email", fr: "le nom et l'adresse")
      : name == nil ? (en: "name", fr: "le nom") : (en: "email", fr: "l'adresse")
    let roleFR = role == "author" ? "de l'auteur" : "du validateur (committer)"
    let variable = [name == nil ? variables.name : nil, email == nil ? variables.email : nil].compactMap { $0 }
      .joined(separator: ", ")
    let setting = [name == nil ? "user.name" : nil, email == nil ? "user.email" : nil].compactMap { $0 }
      .joined(separator: ", ")
    return SteerError(
      en: "git does not know the \(role)'s \(what.en): neither \(variable) nor \(setting) is set",
      fr: "git ne connaît pas \(what.fr) \(roleFR) : ni \(variable) ni \(setting) ne sont renseignés",
      hint: (
        en:
          "git config user.name \"Your Name\" && git config user.email you@example.org (add --global for every repository), or set \(variable), or pass --author \"Name <mail>\"",
        fr:
          "git config user.name \"Votre Nom\" && git config user.email vous@exemple.fr (ajoutez --global pour tous les dépôts), ou renseignez \(variable), ou indiquez --author \"Nom <courriel>\""
      ))
  }

  /// A date as git reads `GIT_AUTHOR_DATE`: `@1700000000 +0100`, `1700000000 +0100`, ISO 8601
  /// (`2026-01-01T09:30:00Z`, `2026-01-01 09:30:00 +0100`) or RFC 2822
  /// (`Thu, 01 Jan 2026 09:30:00 +0100`).
  static func date(_ text: String?, variable: String) throws(SteerError) -> (seconds: Int64, offsetMinutes: Int32)? {
    guard let text else { return nil }
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let parts = trimmed.split(separator: " ")
    if let first = parts.first, let seconds = Int64(first.hasPrefix("@") ? first.dropFirst() : first[...]) {
      let offset = parts.count > 1 ? minutes(String(parts[1])) : 0
      if let offset { return (seconds, offset) }
    }
    for format in ["yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd HH:mm:ss Z", "EEE, dd MMM yyyy HH:mm:ss Z"] {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.dateFormat = format
      if let date = formatter.date(from: trimmed) {
        // The zone as written: `+01:00` (ISO 8601) or `+0100` (the others); `Z` is UTC.
        let zone =
          trimmed.suffix(6).hasPrefix("+") || trimmed.suffix(6).hasPrefix("-") ? trimmed.suffix(6) : trimmed.suffix(5)
        let offset = minutes(String(zone)) ?? 0
        return (Int64(date.timeIntervalSince1970), offset)
      }
    }
    throw SteerError(
      en: "\(variable) is '\(text)', which is not a date git and Steer both read",
      fr: "\(variable) vaut « \(text) », qui n'est pas une date que git et Steer savent lire",
      hint: (
        en: "write it as 2026-01-01T09:30:00+01:00, or @SECONDS +0100",
        fr: "écrivez-la sous la forme 2026-01-01T09:30:00+01:00, ou @SECONDES +0100"
      ))
  }

  /// `+0100` or `+01:00` → 60.
  private static func minutes(_ text: String) -> Int32? {
    let digits = text.filter(\.isNumber)
    guard let sign = text.first, sign == "+" || sign == "-", digits.count == 4, let value = Int32(digits) else {
      return nil
    }
    return (sign == "-" ? -1 : 1) * (value / 100 * 60 + value % 100)
  }
}
