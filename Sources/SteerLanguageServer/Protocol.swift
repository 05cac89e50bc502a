import Foundation

// The Language Server Protocol 3.17 types Steer's server speaks, as `Codable` values: only
// the fields it reads or writes. Optional fields that are absent are left out when encoded.

struct Position: Codable, Hashable, Sendable {
  var line: Int
  var character: Int
}

extension Position {
  /// LSP's `uinteger`. A position beyond is refused where it is read (`InvalidParams`), for every
  /// feature at once, so that no feature's arithmetic on it can overflow.
  static let largest = Int(Int32.max)

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    line = try container.decode(Int.self, forKey: .line)
    character = try container.decode(Int.self, forKey: .character)
    for (value, key) in [(line, CodingKeys.line), (character, .character)] where !(0...Self.largest).contains(value) {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: container, debugDescription: "\(value) is not from 0 to \(Self.largest)")
    }
  }
}

struct Range: Codable, Hashable, Sendable {
  var start: Position
  var end: Position

  func contains(_ position: Position) -> Bool {
    (start.line, start.character) <= (position.line, position.character)
      && (position.line, position.character) <= (end.line, end.character)
  }

  func overlaps(_ other: Range) -> Bool { contains(other.start) || other.contains(start) }
}

struct Location: Codable, Hashable, Sendable {
  var uri: String
  var range: Range
}

struct TextDocumentIdentifier: Codable, Sendable {
  var uri: String
}

struct TextDocumentPositionParams: Codable, Sendable {
  var textDocument: TextDocumentIdentifier
  var position: Position
}

// MARK: Initialisation

struct InitializeParams: Decodable, Sendable {
  struct ClientCapabilities: Decodable, Sendable {
    struct General: Decodable, Sendable { var positionEncodings: [String]? }
    struct Workspace: Decodable, Sendable {
      struct WorkspaceEditCapabilities: Decodable, Sendable {
        var documentChanges: Bool?
        var resourceOperations: [String]?
        /// LSP 3.18: snippet edits (`SnippetTextEdit`) in a workspace edit's document changes.
        var snippetEditSupport: Bool?
      }
      struct DynamicRegistration: Decodable, Sendable { var dynamicRegistration: Bool? }
      var workspaceEdit: WorkspaceEditCapabilities?
      var didChangeWatchedFiles: DynamicRegistration?
    }
    struct TextDocument: Decodable, Sendable {
      struct Completion: Decodable, Sendable {
        struct Item: Decodable, Sendable { var snippetSupport: Bool? }
        var completionItem: Item?
      }
      var completion: Completion?
    }
    var general: General?
    var workspace: Workspace?
    var textDocument: TextDocument?
  }
  struct WorkspaceFolder: Decodable, Sendable { var uri: String }

  var rootUri: String?
  var rootPath: String?
  var workspaceFolders: [WorkspaceFolder]?
  var capabilities: ClientCapabilities?
}

struct InitializeResult: Encodable, Sendable {
  struct ServerCapabilities: Encodable, Sendable {
    struct TextDocumentSync: Encodable, Sendable {
      var openClose = true
      /// 2: incremental.
      var change = 2
    }
    struct CompletionOptions: Encodable, Sendable {
      var triggerCharacters: [String]
    }
    struct RenameOptions: Encodable, Sendable { var prepareProvider = true }
    struct CodeActionOptions: Encodable, Sendable { var codeActionKinds = ["quickfix"] }

    var positionEncoding: String
    var textDocumentSync = TextDocumentSync()
    var completionProvider = CompletionOptions(triggerCharacters: [":", " ", "[", ",", "-"])
    var hoverProvider = true
    var definitionProvider = true
    var referencesProvider = true
    var documentSymbolProvider = true
    var workspaceSymbolProvider = true
    var renameProvider = RenameOptions()
    var codeActionProvider = CodeActionOptions()
  }
  struct ServerInfo: Encodable, Sendable {
    var name: String
    var version: String
  }

  var capabilities: ServerCapabilities
  var serverInfo: ServerInfo
}

// MARK: Text synchronisation

struct DidOpenTextDocumentParams: Decodable, Sendable {
  struct Item: Decodable, Sendable {
    var uri: String
    var version: Int
    var text: String
  }
  var textDocument: Item
}

struct DidChangeTextDocumentParams: Decodable, Sendable {
  struct VersionedIdentifier: Decodable, Sendable {
    var uri: String
    var version: Int
  }
  struct Change: Decodable, Sendable {
    /// Absent: the whole text.
    var range: Range?
    var text: String
  }
  var textDocument: VersionedIdentifier
  var contentChanges: [Change]
}

struct DidCloseTextDocumentParams: Decodable, Sendable {
  var textDocument: TextDocumentIdentifier
}

struct DidChangeWatchedFilesParams: Decodable, Sendable {
  struct FileEvent: Decodable, Sendable {
    var uri: String
    /// 1 created, 2 changed, 3 deleted.
    var type: Int
  }
  var changes: [FileEvent]
}

struct CancelParams: Decodable, Sendable {
  var id: RequestID
}

// MARK: Diagnostics

struct LSPDiagnostic: Encodable, Hashable, Sendable {
  struct RelatedInformation: Encodable, Hashable, Sendable {
    var location: Location
    var message: String
  }
  var range: Range
  /// 1 error, 2 warning.
  var severity: Int
  var code: String
  var source = "steer"
  var message: String
  var relatedInformation: [RelatedInformation]?
}

struct PublishDiagnosticsParams: Encodable, Sendable {
  var uri: String
  var version: Int?
  var diagnostics: [LSPDiagnostic]
}

// MARK: Language features

struct MarkupContent: Encodable, Sendable {
  var kind = "markdown"
  var value: String
}

struct CompletionItem: Encodable, Sendable {
  var label: String
  /// 5 field, 12 value, 13 enum, 18 reference, 20 enum member.
  var kind: Int
  var detail: String?
  var documentation: MarkupContent?
  var filterText: String?
  var textEdit: TextEdit?
  /// 2 when `textEdit`'s text is a snippet (`${1:…}` placeholders the editor selects).
  var insertTextFormat: Int?
}

struct CompletionList: Encodable, Sendable {
  var isIncomplete = false
  var items: [CompletionItem]
}

struct Hover: Encodable, Sendable {
  var contents: MarkupContent
  var range: Range?
}

struct ReferenceParams: Decodable, Sendable {
  struct Context: Decodable, Sendable { var includeDeclaration: Bool }
  var textDocument: TextDocumentIdentifier
  var position: Position
  var context: Context?
}

struct DocumentSymbolParams: Decodable, Sendable {
  var textDocument: TextDocumentIdentifier
}

struct DocumentSymbol: Encodable, Sendable {
  var name: String
  var detail: String?
  /// 2 module, 5 class, 7 property, 8 field, 13 variable, 14 constant, 22 enum member, 23 struct.
  var kind: Int
  var range: Range
  var selectionRange: Range
  var children: [DocumentSymbol]?
}

struct WorkspaceSymbolParams: Decodable, Sendable {
  var query: String
}

struct SymbolInformation: Encodable, Sendable {
  var name: String
  var kind: Int
  var location: Location
  var containerName: String?
}

struct RenameParams: Decodable, Sendable {
  var textDocument: TextDocumentIdentifier
  var position: Position
  var newName: String
}

struct PrepareRenameResult: Encodable, Sendable {
  var range: Range
  var placeholder: String
}

struct TextEdit: Encodable, Hashable, Sendable {
  var range: Range
  var newText: String
}

/// A workspace edit: `changes` for clients that take only text edits, else `documentChanges`
/// (text edits, then file renames).
struct WorkspaceEdit: Encodable, Sendable {
  var changes: [String: [TextEdit]]?
  var documentChanges: [DocumentChange]?
}

/// LSP 3.18's edit of a snippet: the editor selects its placeholders.
struct SnippetTextEdit: Encodable, Sendable {
  struct StringValue: Encodable, Sendable {
    var kind = "snippet"
    var value: String
  }
  var range: Range
  var snippet: StringValue
}

enum DocumentChange: Encodable, Sendable {
  case edit(uri: String, version: Int?, edits: [TextEdit])
  case snippet(uri: String, version: Int?, edit: SnippetTextEdit)
  case rename(oldUri: String, newUri: String)

  private enum CodingKeys: String, CodingKey { case textDocument, edits, kind, oldUri, newUri }
  private struct VersionedIdentifier: Encodable {
    var uri: String
    var version: Int?

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(uri, forKey: .uri)
      try container.encode(version, forKey: .version)  // `null` when the file is not open
    }
    private enum CodingKeys: String, CodingKey { case uri, version }
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .edit(let uri, let version, let edits):
      try container.encode(VersionedIdentifier(uri: uri, version: version), forKey: .textDocument)
      try container.encode(edits, forKey: .edits)
    case .snippet(let uri, let version, let edit):
      try container.encode(VersionedIdentifier(uri: uri, version: version), forKey: .textDocument)
      try container.encode([edit], forKey: .edits)
    case .rename(let oldUri, let newUri):
      try container.encode("rename", forKey: .kind)
      try container.encode(oldUri, forKey: .oldUri)
      try container.encode(newUri, forKey: .newUri)
    }
  }
}

struct CodeActionParams: Decodable, Sendable {
  var textDocument: TextDocumentIdentifier
  var range: Range
}

struct CodeAction: Encodable, Sendable {
  var title: String
  var kind = "quickfix"
  var diagnostics: [LSPDiagnostic]
  var isPreferred: Bool?
  var edit: WorkspaceEdit
}
