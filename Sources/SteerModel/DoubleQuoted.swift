extension String {
  /// The text between double quotes, with `"`, `\`, line feeds and tabs escaped by a backslash,
  /// as N-Triples and YAML both write them, and any other scalar as `escape` writes it, if it does.
  public func doubleQuoted(escaping escape: (Unicode.Scalar) -> String?) -> String {
    var quoted = "\""
    for scalar in unicodeScalars {
      switch scalar {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      case "\n": quoted += "\\n"
      case "\t": quoted += "\\t"
      default:
        if let escaped = escape(scalar) { quoted += escaped } else { quoted.unicodeScalars.append(scalar) }
      }
    }
    return quoted + "\""
  }
}
