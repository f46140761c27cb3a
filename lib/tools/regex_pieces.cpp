// Top-level pieces of a regex (see regex_pieces.h).
#include "regex_pieces.h"

#include <cctype>

namespace draftlint::tools {
namespace {

constexpr std::size_t npos = std::string_view::npos;

std::size_t code_point_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  return 4;
}

// End of the escape starting at `at` (a backslash), or npos.
std::size_t escape_end(std::string_view re, std::size_t at) {
  if (at + 1 >= re.size()) return npos;
  const char kind = re[at + 1];
  if (kind == 'Q') return npos;  // \Q...\E quoting: not worth knowing
  if ((kind == 'x' || kind == 'p' || kind == 'P') && at + 2 < re.size() && re[at + 2] == '{') {
    const std::size_t close = re.find('}', at + 3);
    return close == npos ? npos : close + 1;
  }
  return at + 1 + code_point_length(static_cast<unsigned char>(kind));
}

std::size_t class_end(std::string_view re, std::size_t at) {
  std::size_t i = at + 1;
  if (i < re.size() && re[i] == '^') ++i;
  if (i < re.size() && re[i] == ']') ++i;  // a literal ] first
  while (i < re.size()) {
    if (re[i] == '\\') {
      i = escape_end(re, i);
      if (i == npos) return npos;
    } else if (re.substr(i, 2) == "[:") {
      const std::size_t close = re.find(":]", i + 2);
      if (close == npos) return npos;
      i = close + 2;
    } else if (re[i] == ']') {
      return i + 1;
    } else {
      ++i;
    }
  }
  return npos;
}

std::size_t atom_end(std::string_view re, std::size_t at);

std::size_t group_end(std::string_view re, std::size_t at) {
  std::size_t i = at + 1;
  while (i < re.size() && re[i] != ')') {
    i = re[i] == '|' ? i + 1 : atom_end(re, i);
    if (i == npos) return npos;
  }
  return i < re.size() ? i + 1 : npos;
}

std::size_t atom_end(std::string_view re, std::size_t at) {
  switch (re[at]) {
    case '\\': return escape_end(re, at);
    case '[': return class_end(re, at);
    case '(': return group_end(re, at);
    case ')': return npos;
    default: return at + code_point_length(static_cast<unsigned char>(re[at]));
  }
}

// End of the quantifier starting at `at` (or `at` when there is none); *optional is set when
// it allows zero repeats.
std::size_t quantifier_end(std::string_view re, std::size_t at, bool* optional) {
  *optional = false;
  if (at >= re.size()) return at;
  std::size_t end = at;
  if (re[at] == '?' || re[at] == '*' || re[at] == '+') {
    *optional = re[at] != '+';
    end = at + 1;
  } else if (re[at] == '{') {
    std::size_t i = at + 1;
    std::size_t low = 0;
    bool digits = false;
    while (i < re.size() && std::isdigit(static_cast<unsigned char>(re[i]))) {
      low = low * 10 + static_cast<std::size_t>(re[i++] - '0');
      digits = true;
    }
    if (i < re.size() && re[i] == ',') {
      ++i;
      while (i < re.size() && std::isdigit(static_cast<unsigned char>(re[i]))) ++i;
    }
    if (!digits || i >= re.size() || re[i] != '}') return at;  // RE2 reads a lone { as itself
    *optional = low == 0;
    end = i + 1;
  } else {
    return at;
  }
  if (end < re.size() && re[end] == '?') ++end;  // lazy
  return end;
}

}  // namespace

std::optional<std::vector<std::string_view>> split_alternatives(std::string_view regex) {
  std::vector<std::string_view> alternatives;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < regex.size();) {
    if (regex[i] == '|') {
      alternatives.push_back(regex.substr(begin, i - begin));
      begin = ++i;
      continue;
    }
    i = atom_end(regex, i);
    if (i == npos) return std::nullopt;
  }
  alternatives.push_back(regex.substr(begin));
  return alternatives;
}

std::optional<std::vector<RegexItem>> split_sequence(std::string_view regex) {
  std::vector<RegexItem> items;
  for (std::size_t i = 0; i < regex.size();) {
    if (regex[i] == '|') return std::nullopt;
    const std::size_t atom = atom_end(regex, i);
    if (atom == npos) return std::nullopt;
    RegexItem item;
    const std::size_t end = quantifier_end(regex, atom, &item.optional);
    item.text = regex.substr(i, end - i);
    item.atom = regex.substr(i, atom - i);
    if (regex[i] == '(') {
      item.group = true;
      std::size_t open = i + 1;  // where the contents start
      if (regex.substr(open, 3) == "?P<") {  // a named group
        const std::size_t name_end = regex.find('>', open);
        if (name_end == npos || name_end >= atom) return std::nullopt;
        open = name_end + 1;
      } else if (open < atom && regex[open] == '?') {  // flags, with contents after a colon
        const std::size_t colon = regex.find_first_of(":)", open);
        if (colon == npos || colon >= atom) return std::nullopt;
        item.flags_only = regex[colon] == ')';
        open = colon + 1;
      }
      if (!item.flags_only) item.body = regex.substr(open, atom - 1 - open);
    }
    items.push_back(item);
    i = end;
  }
  return items;
}

}  // namespace draftlint::tools
