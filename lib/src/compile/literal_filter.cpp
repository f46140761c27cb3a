// Literal filters read from a regex's text (see literal_filter.h).
//
// Each piece of the regex gets either an exact set (every string it can match, folded, when
// there are few) or a condition on the text (an AND/OR of literals, or none). A sequence
// multiplies exact sets while they stay small and otherwise ANDs what it has; an alternation
// unites exact sets or ORs conditions; a repeat that may match nothing needs nothing.
#include "compile/literal_filter.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "compile/literal_scanner.h"
#include "compile/literal_text.h"

namespace draftlint::detail {
namespace {

constexpr std::size_t kMaxExact = 16;         // strings an exact set may hold
constexpr std::size_t kMaxExactLength = 256;  // bytes a string of one may have
constexpr std::size_t kKeptConjuncts = 2;     // an AND keeps its sharpest parts: fewer literals to scan for
constexpr int kMaxDepth = 64;                 // nesting read; deeper gives up (the stack stays small)

using Condition = std::optional<LiteralFormula>;  // nothing: any text

using Strings = std::vector<std::string>;  // a few, unique (sort_unique() before merging)

struct Info {
  bool exact = false;
  Strings strings;      // when exact
  Condition condition;  // when not
};

void sort_unique(Strings& strings) {
  std::sort(strings.begin(), strings.end());
  strings.erase(std::unique(strings.begin(), strings.end()), strings.end());
}

Info exactly(Strings strings) { return {true, std::move(strings), std::nullopt}; }
Info empty_width() { return exactly({""}); }
Info any_text() { return {}; }
Info needs(Condition condition) { return {false, {}, std::move(condition)}; }

// How much a formula narrows the text down: longer literals are rarer.
std::size_t sharpness(const LiteralFormula& f) {
  if (f.kind == LiteralFormula::literal) return f.text.size();
  std::size_t best = f.kind == LiteralFormula::all ? 0 : SIZE_MAX;
  for (const LiteralFormula& p : f.parts) {
    best = f.kind == LiteralFormula::all ? std::max(best, sharpness(p)) : std::min(best, sharpness(p));
  }
  return best;
}

Condition all_of(std::vector<Condition> conditions) {
  std::vector<LiteralFormula> parts;
  for (Condition& c : conditions) {
    if (!c) continue;  // needs nothing
    if (c->kind == LiteralFormula::all) {
      for (LiteralFormula& p : c->parts) parts.push_back(std::move(p));
    } else {
      parts.push_back(std::move(*c));
    }
  }
  if (parts.empty()) return std::nullopt;
  if (parts.size() == 1) return std::move(parts.front());
  // Dropping a conjunct only weakens the filter; scanning for fewer literals is cheaper.
  std::vector<std::pair<std::size_t, std::size_t>> ranked;  // (sharpness, index)
  for (std::size_t i = 0; i < parts.size(); ++i) ranked.emplace_back(sharpness(parts[i]), i);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<LiteralFormula> kept;
  for (std::size_t i = 0; i < std::min(kKeptConjuncts, ranked.size()); ++i) kept.push_back(std::move(parts[ranked[i].second]));
  if (kept.size() == 1) return std::move(kept.front());
  return LiteralFormula{LiteralFormula::all, "", std::move(kept)};
}

Condition any_of(std::vector<Condition> conditions) {
  std::vector<LiteralFormula> parts;
  for (Condition& c : conditions) {
    if (!c) return std::nullopt;  // one alternative needs nothing
    if (c->kind == LiteralFormula::any) {
      for (LiteralFormula& p : c->parts) parts.push_back(std::move(p));
    } else {
      parts.push_back(std::move(*c));
    }
  }
  if (parts.size() == 1) return std::move(parts.front());
  return LiteralFormula{LiteralFormula::any, "", std::move(parts)};
}

// What a string too short for the scanner needs: each telling byte it holds (a digit, '@'...),
// or nothing when it holds none ("an", " a").
Condition short_string(std::string_view s) {
  std::string bytes;
  for (const char c : s) {
    if (LiteralScanner::telling_byte(c) && bytes.find(c) == std::string::npos) bytes += c;
  }
  std::vector<Condition> parts;
  for (const char c : bytes) parts.push_back(LiteralFormula{LiteralFormula::literal, std::string(1, c), {}});
  return parts.empty() ? std::nullopt : all_of(std::move(parts));
}

// An OR of the strings; nothing when one of them needs nothing that can be looked for.
Condition any_string(const Strings& strings) {
  std::vector<std::string> folded;
  for (const std::string& s : strings) {
    std::string f;
    fold_for_literals(s, f);  // joins space runs the way the text's folding does
    if (f.size() < LiteralScanner::kMinLength && std::none_of(f.begin(), f.end(), LiteralScanner::telling_byte)) {
      return std::nullopt;
    }
    folded.push_back(std::move(f));
  }
  // A string holding another is implied by it: the shorter one alone says as much.
  std::stable_sort(folded.begin(), folded.end(),
                   [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  std::vector<Condition> parts;
  std::vector<std::string_view> kept;
  for (const std::string& s : folded) {
    if (std::any_of(kept.begin(), kept.end(), [&](std::string_view k) { return s.find(k) != std::string::npos; })) continue;
    kept.push_back(s);
    parts.push_back(s.size() < LiteralScanner::kMinLength ? short_string(s) : LiteralFormula{LiteralFormula::literal, s, {}});
  }
  return any_of(std::move(parts));
}

Condition condition_of(const Info& info) { return info.exact ? any_string(info.strings) : info.condition; }

Info alternate(std::vector<Info> alternatives) {
  Strings all;
  bool exact = true;
  for (const Info& a : alternatives) {
    if (!a.exact || all.size() + a.strings.size() > 4 * kMaxExact) {
      exact = false;
      break;
    }
    all.insert(all.end(), a.strings.begin(), a.strings.end());
  }
  if (exact) sort_unique(all);
  if (exact && all.size() <= kMaxExact) return exactly(std::move(all));
  std::vector<Condition> conditions;
  for (const Info& a : alternatives) conditions.push_back(condition_of(a));
  return needs(any_of(std::move(conditions)));
}

// Pieces of a sequence, left to right.
class SequenceBuilder {
 public:
  void add(Info piece) {
    if (!piece.exact) {
      flush();
      conditions_.push_back(std::move(piece.condition));
      return;
    }
    std::size_t longest = 0, longest_piece = 0;
    for (const std::string& s : exact_) longest = std::max(longest, s.size());
    for (const std::string& s : piece.strings) longest_piece = std::max(longest_piece, s.size());
    const bool short_enough = longest + longest_piece <= kMaxExactLength;
    if (short_enough && piece.strings.size() == 1) {  // the common case, a character: append in place
      for (std::string& s : exact_) s += piece.strings.front();
      sort_unique(exact_);
      return;
    }
    if (short_enough && exact_.size() * piece.strings.size() <= kMaxExact) {
      Strings product;
      for (const std::string& a : exact_) {
        for (const std::string& b : piece.strings) product.push_back(a + b);
      }
      sort_unique(product);
      exact_ = std::move(product);
      return;
    }
    flush();
    exact_ = std::move(piece.strings);
  }

  // add() for one character that is not repeated, without building an Info.
  void append(char c) {
    if (std::any_of(exact_.begin(), exact_.end(), [](const std::string& s) { return s.size() >= kMaxExactLength; })) {
      flush();
    }
    for (std::string& s : exact_) s += c;  // the same suffix keeps them unique
  }

  Info finish() {
    if (!flushed_) return exactly(std::move(exact_));
    flush();
    return needs(all_of(std::move(conditions_)));
  }

 private:
  void flush() {
    conditions_.push_back(any_string(exact_));
    exact_ = {""};
    flushed_ = true;
  }

  Strings exact_{""};
  std::vector<Condition> conditions_;
  bool flushed_ = false;
};

Info one_of(const std::vector<char32_t>& chars) {
  Strings strings;
  for (char32_t c : chars) {
    const std::optional<char> f = fold_code_point(c);
    if (!f) return any_text();
    strings.emplace_back(1, *f);
  }
  sort_unique(strings);
  if (strings.empty() || strings.size() > kMaxExact) return any_text();
  return exactly(std::move(strings));
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Reads RE2 syntax; `failed_` on anything it does not know.
class Reader {
 public:
  explicit Reader(std::string_view regex) : re_(regex) {}

  std::optional<Info> read() {
    Info info = alternation(0);
    if (failed_ || at_ != re_.size()) return std::nullopt;
    return info;
  }

 private:
  // What one escape or character stands for.
  struct Unit {
    enum Kind { character, empty, broad } kind = character;
    char32_t c = 0;
  };

  bool more() const { return at_ < re_.size(); }
  char peek() const { return re_[at_]; }
  Info fail() {
    failed_ = true;
    return any_text();
  }

  Info alternation(int depth) {
    if (depth > kMaxDepth) return fail();
    std::vector<Info> alternatives{sequence(depth)};
    while (!failed_ && more() && peek() == '|') {
      ++at_;
      alternatives.push_back(sequence(depth));
    }
    if (alternatives.size() == 1) return std::move(alternatives.front());
    return alternate(std::move(alternatives));
  }

  Info sequence(int depth) {
    SequenceBuilder builder;
    while (!failed_ && more() && peek() != '|' && peek() != ')') {
      if (const std::optional<char> c = plain_char()) {
        builder.append(*c);
        continue;
      }
      Info piece = atom(depth);
      if (failed_) break;
      builder.add(repeated(std::move(piece)));
    }
    return builder.finish();
  }

  // A character that stands for itself and is not repeated (most of any regex), folded; or
  // nothing, having read nothing.
  std::optional<char> plain_char() {
    const char c = peek();
    if (std::string_view("([.^$*+?{|)").find(c) != std::string_view::npos) return std::nullopt;
    const std::size_t start = at_;
    const Unit unit = c == '\\' ? escape() : utf8_char();
    std::optional<char> folded;
    if (!failed_ && unit.kind == Unit::character) folded = fold_code_point(unit.c);
    std::size_t end = at_, low = 0, high = 0;
    bool open = false;
    if (!folded || failed_ || (more() && (std::string_view("*+?").find(peek()) != std::string_view::npos ||
                                          (peek() == '{' && repeat_at(end, low, high, open))))) {
      at_ = start;
      failed_ = false;
      return std::nullopt;
    }
    return folded;
  }

  Info atom(int depth) {
    const char c = peek();
    switch (c) {
      case '(': return group(depth);
      case '[': return char_class();
      case '.': ++at_; return any_text();
      case '^':
      case '$': ++at_; return empty_width();
      case '*':
      case '+':
      case '?': return fail();  // a repeat of nothing: RE2 refuses it
      case '{': {
        std::size_t end = at_;
        std::size_t low = 0, high = 0;
        bool open = false;
        if (repeat_at(end, low, high, open)) return fail();
        ++at_;
        return one_of({U'{'});
      }
      default: break;
    }
    const Unit unit = c == '\\' ? escape() : utf8_char();
    if (failed_) return any_text();
    if (unit.kind == Unit::empty) return empty_width();
    if (unit.kind == Unit::broad) return any_text();
    const std::optional<char> f = fold_code_point(unit.c);
    return f ? exactly({std::string(1, *f)}) : any_text();
  }

  Info group(int depth) {
    ++at_;  // (
    if (more() && peek() == '?') {
      ++at_;
      if (more() && peek() == 'P') {
        if (at_ + 1 >= re_.size() || re_[at_ + 1] != '<') return fail();
        const std::size_t close = re_.find('>', at_);
        if (close == std::string_view::npos) return fail();
        at_ = close + 1;
      } else {
        while (more() && std::string_view("imsU-").find(peek()) != std::string_view::npos) ++at_;
        if (!more()) return fail();
        if (peek() == ')') {  // flags for the rest of the group: they never change which literals are needed
          ++at_;
          return empty_width();
        }
        if (peek() != ':') return fail();
        ++at_;
      }
    }
    Info inside = alternation(depth + 1);
    if (failed_ || !more() || peek() != ')') return fail();
    ++at_;
    return inside;
  }

  Info char_class() {
    ++at_;  // [
    bool negated = false;
    if (more() && peek() == '^') {
      negated = true;
      ++at_;
    }
    std::vector<char32_t> chars;
    bool broad = false;
    for (bool first = true;; first = false) {
      if (!more()) return fail();
      if (peek() == ']' && !first) {
        ++at_;
        break;
      }
      if (re_.substr(at_).starts_with("[:")) {
        const std::size_t close = re_.find(":]", at_ + 2);
        if (close == std::string_view::npos) return fail();
        at_ = close + 2;
        broad = true;
        continue;
      }
      const Unit low = peek() == '\\' ? escape() : utf8_char();
      if (failed_) return any_text();
      if (low.kind != Unit::character) {  // \d, \pL... (an empty-width escape is an error)
        broad = true;
        continue;
      }
      if (at_ + 1 < re_.size() && peek() == '-' && re_[at_ + 1] != ']') {
        ++at_;
        const Unit high = peek() == '\\' ? escape() : utf8_char();
        if (failed_ || high.kind != Unit::character || high.c < low.c) return fail();
        if (high.c - low.c >= kMaxExact) {
          broad = true;
        } else {
          for (char32_t c = low.c; c <= high.c; ++c) chars.push_back(c);
        }
        continue;
      }
      chars.push_back(low.c);
      if (chars.size() > 4 * kMaxExact) broad = true;
    }
    if (negated || broad) return any_text();
    return one_of(chars);
  }

  // A quantifier after a piece, if any (and a lazy `?` after it).
  Info repeated(Info piece) {
    while (more()) {
      const char c = peek();
      std::size_t low = 0, high = 0;
      bool open = false;
      std::size_t end = at_;
      if (c == '*') {
        low = 0, open = true, end = at_ + 1;
      } else if (c == '+') {
        low = 1, open = true, end = at_ + 1;
      } else if (c == '?') {
        low = 0, high = 1, end = at_ + 1;
      } else if (c != '{' || !repeat_at(end, low, high, open)) {
        break;
      }
      at_ = end;
      if (more() && peek() == '?') ++at_;
      if (low > 0) {
        piece = needs(condition_of(piece));  // at least one copy: what it needs is needed
      } else if (!open && high == 1 && piece.exact && piece.strings.size() < kMaxExact) {
        piece.strings.insert(piece.strings.begin(), "");  // x? is x or nothing ("" sorts first)
        sort_unique(piece.strings);
      } else {
        piece = any_text();
      }
    }
    return piece;
  }

  // `{n}`, `{n,}` or `{n,m}` at `end`; moves `end` past it. RE2 reads a `{` that starts none
  // of these as a literal brace.
  bool repeat_at(std::size_t& end, std::size_t& low, std::size_t& high, bool& open) const {
    std::size_t i = end + 1;
    const auto number = [&](std::size_t& value) {
      const std::size_t start = i;
      value = 0;
      while (i < re_.size() && re_[i] >= '0' && re_[i] <= '9' && i - start < 6) value = value * 10 + (re_[i++] - '0');
      return i > start;
    };
    if (!number(low)) return false;
    high = low;
    open = false;
    if (i < re_.size() && re_[i] == ',') {
      ++i;
      if (i < re_.size() && re_[i] == '}') {
        open = true;
      } else if (!number(high)) {
        return false;
      }
    }
    if (i >= re_.size() || re_[i] != '}') return false;
    end = i + 1;
    return true;
  }

  Unit escape() {
    if (at_ + 1 >= re_.size()) {
      failed_ = true;
      return {};
    }
    const char c = re_[at_ + 1];
    at_ += 2;
    switch (c) {
      case 'b':
      case 'B':
      case 'A':
      case 'z': return {Unit::empty};
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
      case 'C': return {Unit::broad};
      case 'p':
      case 'P': {
        if (more() && peek() == '{') {
          const std::size_t close = re_.find('}', at_);
          if (close == std::string_view::npos) break;
          at_ = close + 1;
        } else if (more()) {
          ++at_;
        }
        return {Unit::broad};
      }
      case 'a': return {Unit::character, 0x07};
      case 'f': return {Unit::character, '\f'};
      case 't': return {Unit::character, '\t'};
      case 'n': return {Unit::character, '\n'};
      case 'r': return {Unit::character, '\r'};
      case 'v': return {Unit::character, 0x0B};
      case 'x': return hex_escape();
      default:
        // Any other punctuation stands for itself; letters and digits (octal, back
        // references, \Q...) are left to RE2.
        if (static_cast<unsigned char>(c) < 0x80 && !std::isalnum(static_cast<unsigned char>(c))) {
          return {Unit::character, static_cast<char32_t>(static_cast<unsigned char>(c))};
        }
        break;
    }
    failed_ = true;
    return {};
  }

  Unit hex_escape() {
    std::size_t digits = 2;
    std::size_t start = at_;
    if (more() && peek() == '{') {
      const std::size_t close = re_.find('}', at_);
      if (close == std::string_view::npos || close == at_ + 1 || close - at_ > 9) {
        failed_ = true;
        return {};
      }
      start = at_ + 1;
      digits = close - start;
      at_ = close + 1;
    } else {
      if (at_ + 2 > re_.size()) {
        failed_ = true;
        return {};
      }
      at_ += 2;
    }
    char32_t value = 0;
    for (std::size_t i = start; i < start + digits; ++i) {
      if (!is_hex(re_[i])) {
        failed_ = true;
        return {};
      }
      value = value * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(re_[i])) ? re_[i] - '0' : (re_[i] | 0x20) - 'a' + 10);
    }
    return {Unit::character, value};
  }

  // One UTF-8 character (validated at load: the rule loader refuses invalid UTF-8).
  Unit utf8_char() {
    const auto lead = static_cast<unsigned char>(re_[at_]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (lead >= 0x80 && lead < 0xC0) {
      failed_ = true;
      return {};
    }
    if (at_ + length > re_.size()) {
      failed_ = true;
      return {};
    }
    char32_t c = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
    for (std::size_t i = 1; i < length; ++i) c = (c << 6) | (static_cast<unsigned char>(re_[at_ + i]) & 0x3F);
    at_ += length;
    return {Unit::character, c};
  }

  std::string_view re_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

}  // namespace

std::optional<LiteralFormula> literal_filter(std::string_view regex) {
  const std::string joined = join_phrases(regex);
  std::optional<Info> info = Reader(joined).read();
  if (!info) return std::nullopt;
  return condition_of(*info);
}

}  // namespace draftlint::detail
