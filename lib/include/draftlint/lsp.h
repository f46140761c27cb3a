// The language server (`draftlint lsp`): LSP 3.17 over a byte stream, as a library so an
// editor plugin or a test can embed it.
//
//   draftlint::lsp::ServerOptions options;             // workspace options, size cap
//   int code = draftlint::lsp::serve(std::cin, std::cout, std::cerr, options);
//
// Three layers, each usable alone:
//   MessageReader / frame_message   the base protocol: "Content-Length: N\r\n\r\n" + N bytes
//   TextDocument                    a document's text with UTF-16 positions and incremental edits
//   Server                          JSON-RPC and the LSP methods: diagnostics, code actions, hover
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "draftlint/workspace.h"

namespace draftlint::lsp {

// The largest message body accepted (64 MiB). Longer messages are skipped with an error.
inline constexpr std::size_t kDefaultMaxMessageSize = std::size_t{64} << 20;

// ---------------------------------------------------------------------------------------------
// Base protocol framing.

struct MessageResult {
  enum class Status {
    message,  // `body` holds one message's content (not yet parsed as JSON)
    error,    // a framing error (bad or missing Content-Length, size cap, garbage); `error`
              // says what. The reader has resynchronised: the next call reads the next message.
    end,      // the input ended
  };
  Status status = Status::end;
  std::string body;
  // For `error`: what was wrong. For `message` and `end`: a note worth logging (bytes skipped
  // before the message, a Content-Length that was too large), or empty.
  std::string error;
};

// Reads framed messages from a byte source. Header names are case-insensitive; Content-Type
// is accepted and ignored; header lines may end in "\r\n" or "\n". On a framing error it
// reports once, then skips to the next "Content-Length: N" header line it can find. When a
// body turns out to hold the start of the next message (the Content-Length was too large),
// the body is cut there and the next message is read normally. Never throws on bad input.
class MessageReader {
 public:
  // Reads up to `size` bytes into `buffer`, blocking until at least one is available;
  // returns 0 at the end of the input.
  using Source = std::function<std::size_t(char* buffer, std::size_t size)>;

  explicit MessageReader(Source source, std::size_t max_message_size = kDefaultMaxMessageSize);
  // Reads from a stream (std::cin, a std::istringstream).
  explicit MessageReader(std::istream& in, std::size_t max_message_size = kDefaultMaxMessageSize);

  MessageResult next();

 private:
  bool fill();                    // appends at least one byte to buffer_; false at the end
  bool resync();                  // drops bytes up to the next header line; false at the end
  Source source_;
  std::size_t max_size_;
  std::unique_ptr<char[]> scratch_;  // what the source fills
  std::string buffer_;            // bytes read but not consumed
  std::size_t pos_ = 0;           // first unconsumed byte of buffer_
  std::size_t skipped_ = 0;       // bytes dropped while reading the current result
  bool resyncing_ = false;        // skip to the next header line before reading
  bool eof_ = false;
};

// "Content-Length: N\r\n\r\n" followed by `body`.
std::string frame_message(std::string_view body);

// ---------------------------------------------------------------------------------------------
// Documents and positions.

// A place in a document as LSP counts it: 0-based line and 0-based character offset in UTF-16
// code units. "\n", "\r\n" and "\r" end a line.
struct TextPosition {
  int line = 0;
  int character = 0;
  friend bool operator==(const TextPosition&, const TextPosition&) = default;
};

struct TextRange {
  TextPosition start;
  TextPosition end;
  friend bool operator==(const TextRange&, const TextRange&) = default;
};

// A document's UTF-8 text with conversions between byte offsets and LSP positions.
class TextDocument {
 public:
  explicit TextDocument(std::string text = {});

  const std::string& text() const { return text_; }
  int line_count() const { return static_cast<int>(line_starts_.size()); }

  // The byte offset of `position`. Out-of-range positions are clamped as the protocol says:
  // a character past the end of its line means the end of the line (before its line break),
  // a line past the last one means the end of the text. A character inside a surrogate pair
  // means the start of that code point.
  std::size_t offset_at(TextPosition position) const;
  // The position of a byte offset (clamped to the text; inside a UTF-8 sequence counts as
  // the start of that code point).
  TextPosition position_at(std::size_t offset) const;
  TextRange range_of(std::size_t offset, std::size_t length) const;

  // Applies one content change of textDocument/didChange: replaces `range` with `text`, or the
  // whole document when `range` is nullopt. A range whose end precedes its start is swapped.
  void apply_change(const std::optional<TextRange>& range, std::string_view text);

  // The text of a 0-based line without its line break (empty past the end).
  std::string_view line_text(int line) const;
  // "\r\n" when the first line break is CRLF, "\r" for CR, else "\n".
  std::string_view line_ending() const;

 private:
  void index();
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

// file:// URIs and paths. A URI that is not file:// (untitled:, vscode-notebook-cell:) has no path.
std::optional<std::filesystem::path> path_from_uri(std::string_view uri);
std::string uri_from_path(const std::filesystem::path& path);

// ---------------------------------------------------------------------------------------------
// The server.

struct ServerOptions {
  WorkspaceOptions workspace;  // as on the command line (--config, --rules, --ignore, ...)
  std::size_t max_message_size = kDefaultMaxMessageSize;
  // Where a rule's documentation lives when the rule has no `link` ("#<rule id>" is appended).
  std::string docs_url = "https://github.com/draftlint/draftlint/blob/main/docs/rules.md";
};

// The protocol state machine. Feed it message bodies; it sends responses and notifications
// (JSON text, unframed) through `send`. Single-threaded: call it from one thread.
class Server {
 public:
  using Sink = std::function<void(const std::string& json)>;

  Server(ServerOptions options, Sink send, std::ostream& log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // One message body: a request, a notification or a response.
  void handle_message(std::string_view json);
  // A framing error from the reader: answered with a parse error (-32700, id null).
  void handle_framing_error(std::string_view what);

  // True once `exit` arrived; exit_code() is then 0 if `shutdown` came first, else 1.
  bool exited() const;
  int exit_code() const;
  bool shut_down() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Runs a server over a stream pair until `exit` or the end of the input. Returns the process
// exit code: 0 after shutdown + exit, 1 otherwise. Logs go to `log` only.
int serve(std::istream& in, std::ostream& out, std::ostream& log, ServerOptions options = {});

}  // namespace draftlint::lsp
