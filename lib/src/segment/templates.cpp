// Template masking (see templates.h).
#include "segment/templates.h"

#include <array>
#include <cctype>

#include "segment/template_scanner.h"

namespace draftlint::detail {
namespace {

// Words that make a placeholder's name a time. Kept short: a false "time" would hide a
// missing timeline, which is worse than a missed one.
// Plurals ("days_late", "hours") are counts, not times, so they are left out.
constexpr std::array<std::string_view, 14> kTimeWords = {
    "date", "time", "eta", "deadline", "due", "until", "by", "when", "day", "hour",
    "schedule", "scheduled", "datetime", "timestamp"};

// The variable name inside a placeholder: "{{ order.eta | date }}" → "order.eta".
std::string variable_name(std::string_view tag) {
  std::size_t i = 0;
  while (i < tag.size() && (tag[i] == '{' || tag[i] == '%' || tag[i] == '(' || tag[i] == '-' || tag[i] == ' ' || tag[i] == '&'))
    ++i;
  std::size_t end = i;
  while (end < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[end])) || tag[end] == '_' || tag[end] == '.'))
    ++end;
  return std::string(tag.substr(i, end - i));
}

bool is_control(std::string_view tag) {
  if (tag.starts_with("{%") || tag.starts_with("{#") || tag.starts_with("{{!")) return true;
  if (tag.starts_with("{{") && !tag.starts_with("{{{")) {
    std::size_t i = 2;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '~' || tag[i] == '-')) ++i;
    if (i < tag.size() && (tag[i] == '#' || tag[i] == '/' || tag[i] == '^' || tag[i] == '>')) return true;
    if (tag.substr(i).starts_with("else")) return true;
  }
  return false;
}

}  // namespace

bool is_time_name(std::string_view name) {
  std::string word;
  auto check = [&]() {
    for (std::string_view w : kTimeWords) {
      if (word == w) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i <= name.size(); ++i) {
    const char c = i < name.size() ? name[i] : '_';
    if (std::isalnum(static_cast<unsigned char>(c))) {
      // camelCase starts a new word at a capital after a lower-case letter ("deliveryDate"
      // → delivery, date); a run of capitals stays one word ("ETA", "DELIVERY_DATE").
      const bool boundary = i > 0 && std::isupper(static_cast<unsigned char>(c)) &&
                            std::islower(static_cast<unsigned char>(name[i - 1]));
      if (boundary) {
        if (check()) return true;
        word.clear();
      }
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      if (check()) return true;
      word.clear();
    }
  }
  return false;
}

std::vector<Placeholder> mask_templates(std::string& text, std::string* originals) {
  std::vector<Placeholder> found;
  TemplateScanner scanner(text);  // masking keeps the length, so the scanner's view stays valid
  std::size_t pos = 0;
  while (const auto tag = scanner.next(pos)) {
    const std::size_t begin = tag->begin;
    const std::size_t end = tag->end;
    const std::string_view view(text.data() + begin, end - begin);  // read before it is masked
    Placeholder p;
    p.span = {begin, end};
    p.control = is_control(view);
    p.name = p.control ? "" : variable_name(view);
    p.time = !p.control && is_time_name(p.name);
    if (originals) originals->append(view);
    for (std::size_t i = begin; i < end; ++i) {
      if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
    }
    // A marker, not blanks, at the start: blanks at the start of a Markdown line would turn
    // the paragraph into an indented code block.
    const std::string_view marker = p.time ? kTimeMarker : kPlaceholderMarker;
    if (end - begin >= marker.size() && text.find_first_of("\r\n", begin) >= begin + marker.size()) {
      text.replace(begin, marker.size(), marker);
    }
    found.push_back(std::move(p));
    pos = end;
  }
  return found;
}

}  // namespace draftlint::detail
