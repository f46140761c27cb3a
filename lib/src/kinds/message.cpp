// Filling placeholders into rule messages.
#include "kinds/kind.h"

namespace draftlint::detail {

namespace {

// A match that crosses a line wrap reads as one phrase in a message.
void append_collapsed(std::string& out, std::string_view text) {
  bool in_space = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && in_space) continue;
    out += space ? ' ' : c;
    in_space = space;
  }
}

}  // namespace

std::string render_message(std::string_view message, std::string_view match,
                           std::optional<std::string_view> replacement) {
  std::string out;
  for (std::size_t i = 0; i < message.size();) {
    if (message.substr(i, 7) == "{match}") {
      append_collapsed(out, match);
      i += 7;
    } else if (replacement && message.substr(i, 13) == "{replacement}") {
      out.append(*replacement);
      i += 13;
    } else {
      out += message[i++];
    }
  }
  return out;
}

}  // namespace draftlint::detail
