// Phrase and pattern translation for rule files (see pattern_syntax.h).
#include "rules/pattern_syntax.h"

#include <array>
#include <cctype>

namespace draftlint::detail {
namespace {

// The first byte of every curly quote's UTF-8 (U+2018, U+2019, U+201C, U+201D): any other
// byte is answered without comparing strings (this runs for every character of every pattern).
constexpr char kCurlyQuoteLead = '\xE2';

// Length in bytes of a quote character at `i` (straight or curly), or 0.
std::size_t single_quote_at(std::string_view s, std::size_t i) {
  if (s[i] == '\'') return 1;
  if (s[i] != kCurlyQuoteLead) return 0;
  if (s.substr(i, 3) == "\u2018" || s.substr(i, 3) == "\u2019") return 3;
  return 0;
}

std::size_t double_quote_at(std::string_view s, std::size_t i) {
  if (s[i] == '"') return 1;
  if (s[i] != kCurlyQuoteLead) return 0;
  if (s.substr(i, 3) == "\u201C" || s.substr(i, 3) == "\u201D") return 3;
  return 0;
}

bool is_ascii_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::string phrase_to_regex(std::string_view phrase) {
  while (!phrase.empty() && is_space(phrase.front())) phrase.remove_prefix(1);
  while (!phrase.empty() && is_space(phrase.back())) phrase.remove_suffix(1);
  std::string out;
  if (!phrase.empty() && is_ascii_word(phrase.front())) out += "\\b";
  for (std::size_t i = 0; i < phrase.size();) {
    if (is_space(phrase[i])) {
      while (i < phrase.size() && is_space(phrase[i])) ++i;
      out += kSpaceRun;
    } else if (std::size_t n = single_quote_at(phrase, i)) {
      out += kSingleQuoteClass;
      i += n;
    } else if (std::size_t m = double_quote_at(phrase, i)) {
      out += kDoubleQuoteClass;
      i += m;
    } else {
      const char c = phrase[i++];
      if (static_cast<unsigned char>(c) < 0x80 && !is_ascii_word(c)) out += '\\';
      out += c;
    }
  }
  if (!phrase.empty() && is_ascii_word(phrase.back())) out += "\\b";
  return out;
}

std::string translate_pattern(std::string_view p) {
  std::string out;
  out.reserve(p.size() * 2);  // spaces and quotes grow into classes
  bool in_class = false;
  std::size_t class_start = 0;  // index just past '[' or '[^'
  // The bytes the rules below look at, in a class or out of one; runs of any other byte are
  // copied as they are, in one append (this runs for every pattern at every load).
  static constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> special{};
    for (const char c : {'\\', '[', ']', '\'', '"', ' ', kCurlyQuoteLead}) special[static_cast<unsigned char>(c)] = true;
    return special;
  }();
  for (std::size_t i = 0; i < p.size();) {
    std::size_t plain = i;
    while (plain < p.size() && !kSpecial[static_cast<unsigned char>(p[plain])]) ++plain;
    if (plain > i) {
      out.append(p.substr(i, plain - i));
      i = plain;
      continue;
    }
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && p[i + 1] == 'Q') {  // \Q…\E is literal: copy as is
        const std::size_t end = p.find("\\E", i + 2);
        const std::size_t stop = end == std::string_view::npos ? p.size() : end + 2;
        out.append(p.substr(i, stop - i));
        i = stop;
        continue;
      }
      out += c;
      if (i + 1 < p.size()) out += p[i + 1];
      i += 2;
      continue;
    }
    if (in_class) {
      if (c == ']' && i != class_start) {
        in_class = false;
        out += c;
        ++i;
      } else if (c == '[' && i + 1 < p.size() && p[i + 1] == ':') {  // [:alpha:]
        const std::size_t end = p.find(":]", i + 2);
        const std::size_t stop = end == std::string_view::npos ? i + 1 : end + 2;
        out.append(p.substr(i, stop - i));
        i = stop;
      } else if (std::size_t n = single_quote_at(p, i)) {
        out += "'\u2018\u2019";
        i += n;
      } else if (std::size_t m = double_quote_at(p, i)) {
        out += "\"\u201C\u201D";
        i += m;
      } else {
        out += c;
        ++i;
      }
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      ++i;
      if (i < p.size() && p[i] == '^') out += p[i++];
      class_start = i;
    } else if (std::size_t n = single_quote_at(p, i)) {
      out += kSingleQuoteClass;
      i += n;
    } else if (std::size_t m = double_quote_at(p, i)) {
      out += kDoubleQuoteClass;
      i += m;
    } else if (c == ' ') {
      std::size_t end = i;
      while (end < p.size() && p[end] == ' ') ++end;
      const bool quantified = end < p.size() && (p[end] == '*' || p[end] == '+' || p[end] == '?' || p[end] == '{');
      if (quantified) {
        out.append(p.substr(i, end - i));
      } else {
        out += kSpaceRun;
      }
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

std::string with_case(std::string_view regex, bool ignorecase) {
  std::string out = ignorecase ? "(?i)" : "";
  out.append(regex);
  return out;
}

}  // namespace draftlint::detail
