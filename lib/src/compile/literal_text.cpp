// Folding text for the literal prefilter (see literal_text.h).
#include "compile/literal_text.h"

#include <array>

#include "rules/pattern_syntax.h"

namespace draftlint::detail {
namespace {

constexpr bool is_space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// An ASCII byte as folding leaves it: letters lowered, white space as one space.
constexpr char fold_ascii(unsigned char c) {
  if (is_space_byte(c)) return ' ';
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
}

// The multi-byte characters folding maps, with what they become. U+00A0 is white space.
struct Folded {
  char32_t code_point;
  std::string_view utf8;
  char to;
};
constexpr std::array<Folded, 7> kFolded{{{0xA0, "\u00A0", ' '},
                                         {0x2018, "\u2018", '\''},
                                         {0x2019, "\u2019", '\''},
                                         {0x201C, "\u201C", '"'},
                                         {0x201D, "\u201D", '"'},
                                         {0x212A, "\u212A", 'k'},
                                         {0x17F, "\u017F", 's'}}};

}  // namespace

std::optional<char> fold_code_point(char32_t c) {
  if (c < 0x80) return fold_ascii(static_cast<unsigned char>(c));
  for (const Folded& f : kFolded) {
    if (f.code_point == c) return f.to;
  }
  return std::nullopt;
}

void fold_for_literals(std::string_view text, std::string& out) {
  // ASCII as one table lookup: this runs over every byte the literal gate sees.
  static constexpr std::array<char, 128> kAscii = [] {
    std::array<char, 128> table{};
    for (std::size_t c = 0; c < table.size(); ++c) table[c] = fold_ascii(static_cast<unsigned char>(c));
    return table;
  }();
  // Folding never lengthens the text: write in place after one resize, then trim.
  const std::size_t kept = out.size();
  out.resize(kept + text.size());
  char* const begin = out.data();
  char* write = begin + kept;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    char folded = 0;
    if (c < 0x80) {
      folded = kAscii[c];
      ++i;
    } else {
      for (const Folded& f : kFolded) {
        if (text.substr(i, f.utf8.size()) == f.utf8) {
          folded = f.to;
          i += f.utf8.size();
          break;
        }
      }
      if (!folded) {
        *write++ = static_cast<char>(c);
        ++i;
        continue;
      }
    }
    if (folded == ' ' && write != begin && write[-1] == ' ') continue;
    *write++ = folded;
  }
  out.resize(static_cast<std::size_t>(write - begin));
}

std::string join_phrases(std::string_view regex) {
  std::string out;
  bool in_class = false;
  for (std::size_t i = 0; i < regex.size();) {
    if (regex[i] == '\\') {  // an escape is copied whole, so "\[" never opens a class
      out.append(regex.substr(i, 2));
      i += 2;
      continue;
    }
    if (!in_class) {
      const std::string_view rest = regex.substr(i);
      if (rest.starts_with(kSpaceRun)) {
        out += ' ';
        i += kSpaceRun.size();
        continue;
      }
      if (rest.starts_with(kSingleQuoteClass)) {
        out += '\'';
        i += kSingleQuoteClass.size();
        continue;
      }
      if (rest.starts_with(kDoubleQuoteClass)) {
        out += '"';
        i += kDoubleQuoteClass.size();
        continue;
      }
    }
    if (regex[i] == '[' && !in_class) {
      in_class = true;
      out += regex[i++];
      if (i < regex.size() && regex[i] == '^') out += regex[i++];
      if (i < regex.size() && regex[i] == ']') out += regex[i++];  // a literal ] first
      continue;
    }
    if (regex[i] == ']' && in_class) in_class = false;
    out += regex[i++];
  }
  return out;
}

}  // namespace draftlint::detail
