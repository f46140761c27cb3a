// Filling placeholders such as {match} into rule messages.
#include <algorithm>

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

std::string render_message(std::string_view message, std::initializer_list<MessageValue> values) {
  std::string out;
  out.reserve(message.size() + 64);
  for (std::size_t i = 0; i < message.size();) {
    // Text up to the next brace goes over in one piece: this runs for every finding.
    const std::size_t brace = std::min(message.find('{', i), message.size());
    out.append(message.substr(i, brace - i));
    i = brace;
    if (i == message.size()) break;
    bool replaced = false;
    for (const MessageValue& v : values) {
      if (message.substr(i + 1, v.name.size()) == v.name && message.substr(i + 1 + v.name.size(), 1) == "}") {
        append_collapsed(out, v.value);
        i += v.name.size() + 2;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += message[i++];
  }
  return out;
}

}  // namespace draftlint::detail
