// The LSP base protocol: "Content-Length: N\r\n\r\n" headers and N-byte bodies (see lsp.h).
#include <algorithm>
#include <cctype>
#include <istream>
#include <string>

#include <fmt/format.h>

#include "draftlint/lsp.h"

namespace draftlint::lsp {
namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxHeaderLine = 8 * 1024;
constexpr std::string_view kLengthName = "content-length";

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// An HTTP token: what a header name may be made of.
bool is_token(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

// Digits only, no sign, no overflow (a huge number saturates so the size cap reports it).
std::optional<std::size_t> parse_length(std::string_view value) {
  if (value.empty() || value.size() > 40) return std::nullopt;
  std::size_t n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    const std::size_t digit = static_cast<std::size_t>(c - '0');
    n = n > (SIZE_MAX - digit) / 10 ? SIZE_MAX : n * 10 + digit;
  }
  return n;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Where a "Content-Length: <digits>" line starts in `text` at or after `from`, requiring the
// line break after the digits (a raw line break cannot occur inside a JSON string, so a valid
// JSON body never holds one).
std::size_t find_header(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (lower(text[i]) != 'c') continue;
    std::size_t j = i;
    std::size_t k = 0;
    while (k < kLengthName.size() && j < text.size() && lower(text[j]) == kLengthName[k]) ++j, ++k;
    if (k < kLengthName.size() || j == text.size() || text[j] != ':') continue;
    ++j;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    const std::size_t digits = j;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    if (j == digits) continue;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    if (j < text.size() && text[j] == '\n') return i;
    if (j + 1 < text.size() && text[j] == '\r' && text[j + 1] == '\n') return i;
  }
  return std::string_view::npos;
}

// Follows a JSON text byte by byte to learn where its first value ends, without parsing it.
struct JsonEnd {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  bool started = false;
  bool give_up = false;           // not an object or array: no boundary to find
  std::size_t end = std::string_view::npos;  // one past the value, relative to the body start

  // Feeds body bytes [scanned, text.size()).
  void feed(std::string_view text, std::size_t& scanned) {
    for (; scanned < text.size() && end == std::string_view::npos && !give_up; ++scanned) {
      const char c = text[scanned];
      if (!started) {
        if (is_space(c)) continue;
        if (c != '{' && c != '[') {
          give_up = true;
          break;
        }
        started = true;
        depth = 1;
        continue;
      }
      if (in_string) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') in_string = false;
        continue;
      }
      if (c == '"') in_string = true;
      else if (c == '{' || c == '[') ++depth;
      else if ((c == '}' || c == ']') && --depth == 0) end = scanned + 1;
    }
  }
};

}  // namespace

MessageReader::MessageReader(Source source, std::size_t max_message_size)
    : source_(std::move(source)), max_size_(max_message_size) {}

MessageReader::MessageReader(std::istream& in, std::size_t max_message_size)
    : MessageReader(
          [&in](char* buffer, std::size_t size) -> std::size_t {
            std::streambuf* sb = in.rdbuf();
            if (!sb) return 0;
            const std::streamsize available = sb->in_avail();
            if (available > 0) {
              return static_cast<std::size_t>(sb->sgetn(buffer, std::min<std::streamsize>(available, static_cast<std::streamsize>(size))));
            }
            const int c = sb->sbumpc();  // blocks for one byte
            if (c == std::char_traits<char>::eof()) return 0;
            buffer[0] = static_cast<char>(c);
            return 1;
          },
          max_message_size) {}

bool MessageReader::fill() {
  if (eof_) return false;
  if (pos_ > kChunk && pos_ * 2 > buffer_.size()) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  if (!scratch_) scratch_ = std::make_unique<char[]>(kChunk);
  const std::size_t n = std::min(source_(scratch_.get(), kChunk), kChunk);
  buffer_.append(scratch_.get(), n);
  if (n == 0) eof_ = true;
  return n > 0;
}

bool MessageReader::resync() {
  while (true) {
    const std::size_t found = find_header(buffer_, pos_);
    if (found != std::string_view::npos) {
      skipped_ += found - pos_;
      pos_ = found;
      return true;
    }
    // Keep the tail: it may hold the start of a header line that is still arriving.
    const std::size_t keep = buffer_.size() > pos_ + 64 ? buffer_.size() - 64 : pos_;
    skipped_ += keep - pos_;
    pos_ = keep;
    if (!fill()) {
      skipped_ += buffer_.size() - pos_;
      pos_ = buffer_.size();
      return false;
    }
  }
}

MessageResult MessageReader::next() {
  MessageResult result;
  skipped_ = 0;
  auto note_skipped = [&]() {
    if (skipped_ && result.error.empty()) result.error = fmt::format("skipped {} bytes that were not a message", skipped_);
  };
  while (true) {
    if (resyncing_) {
      resyncing_ = false;
      if (!resync()) {
        note_skipped();
        return result;  // end
      }
    }

    // Headers.
    std::optional<std::size_t> length;
    bool any_header = false;
    bool garbage = false;
    std::string error;
    while (true) {
      std::size_t nl;
      while ((nl = buffer_.find('\n', pos_)) == std::string::npos && !garbage) {
        if (buffer_.size() - pos_ > kMaxHeaderLine) {
          garbage = true;
        } else if (!fill()) {
          const std::string_view rest(buffer_.data() + pos_, buffer_.size() - pos_);
          if (std::any_of(rest.begin(), rest.end(), [](char c) { return !is_space(c); })) skipped_ += rest.size();
          pos_ = buffer_.size();
          if (any_header) result.error = "the input ended inside a message's headers";
          note_skipped();
          return result;  // end
        }
      }
      if (garbage) break;
      const std::size_t line_start = pos_;
      std::string_view line(buffer_.data() + pos_, nl - pos_);
      pos_ = nl + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) {
        if (!any_header) continue;  // blank lines between messages
        break;
      }
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) {
        pos_ = line_start;  // a header may begin inside this line (after a too-short body)
        garbage = true;
        break;
      }
      any_header = true;
      const std::string_view name = line.substr(0, colon);
      const std::string_view value = trim(line.substr(colon + 1));
      if (iequals(name, kLengthName)) {
        const auto parsed = parse_length(value);
        if (!parsed) {
          error = fmt::format("invalid Content-Length '{}': expected a number of bytes", value.substr(0, 40));
        } else if (length && *length != *parsed) {
          error = "conflicting Content-Length headers";
        } else {
          length = parsed;
        }
      }
      // Content-Type and any other header: accepted and ignored.
    }
    if (garbage) {
      // Not a header line, so no message to answer: skip to the next header line. The line
      // cannot begin with one, so step over its first byte to make progress.
      ++pos_;
      ++skipped_;
      resyncing_ = true;
      continue;
    }
    if (!error.empty() || !length) {
      resyncing_ = true;  // the body, whatever it is, is skipped
      result.status = MessageResult::Status::error;
      result.error = error.empty() ? "missing Content-Length header" : error;
      return result;
    }
    if (*length > max_size_) {
      resyncing_ = true;
      result.status = MessageResult::Status::error;
      result.error = fmt::format("message of {} bytes exceeds the limit of {} bytes; skipped", *length, max_size_);
      return result;
    }

    // The body. Follow its JSON value: bytes after the value that are not white space mean the
    // Content-Length was too large and the next message has begun, so the body ends there.
    JsonEnd json;
    std::size_t scanned = 0;
    std::size_t cut = std::string_view::npos;
    while (true) {
      const std::size_t have = std::min(buffer_.size() - pos_, *length);
      const std::string_view body(buffer_.data() + pos_, have);
      json.feed(body, scanned);
      if (json.end != std::string_view::npos) {
        std::size_t after = json.end;
        while (after < body.size() && is_space(body[after])) ++after;
        if (after < body.size()) {
          cut = json.end;
          break;
        }
      }
      if (have == *length) break;
      if (!fill()) {
        pos_ = buffer_.size();
        result.error = "the input ended inside a message";
        return result;  // end
      }
    }
    const std::size_t take = cut == std::string_view::npos ? *length : cut;
    result.status = MessageResult::Status::message;
    result.body.assign(buffer_.data() + pos_, take);
    pos_ += take;
    if (cut != std::string_view::npos) {
      result.error = fmt::format("Content-Length {} is larger than the message ({} bytes); reading on from there", *length, take);
    }
    note_skipped();
    return result;
  }
}

std::string frame_message(std::string_view body) {
  std::string out = fmt::format("Content-Length: {}\r\n\r\n", body.size());
  out.append(body);
  return out;
}

}  // namespace draftlint::lsp
