// Paragraph and sentence splitting (see segmenter.h).
#include "segment/segmenter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "text/utf8.h"

namespace draftlint::detail {
namespace {

// Abbreviations after which a period never ends a sentence.
constexpr std::array<std::string_view, 20> kNeverEnd = {
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "e.g", "i.e", "cf", "approx",
    "fig", "ref", "dept", "est", "mt", "ft", "tel"};
// Abbreviations only before a number ("No. 5"); elsewhere the word itself ("The answer is no.").
constexpr std::array<std::string_view, 3> kBeforeNumber = {"no", "nos", "vol"};
// Abbreviations that end a sentence only when a capitalised word follows.
constexpr std::array<std::string_view, 12> kEndBeforeCapital = {
    "inc", "ltd", "co", "corp", "llc", "plc", "etc", "a.m", "p.m", "am", "pm", "u.s"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool is_closer(std::string_view text, std::size_t i, std::size_t* length) {
  const char c = text[i];
  if (c == ')' || c == ']' || c == '"' || c == '\'') {
    *length = 1;
    return true;
  }
  const std::string_view rest = text.substr(i, 3);
  if (rest == "\u2019" || rest == "\u201D") {
    *length = 3;
    return true;
  }
  return false;
}

std::string lower_word_before(std::string_view text, std::size_t period, std::size_t floor) {
  std::size_t start = period;
  while (start > floor && !is_space(text[start - 1]) && text[start - 1] != '(' && text[start - 1] != '"') --start;
  std::string word(text.substr(start, period - start));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// True when a line starts a unit of its own: a heading or a list item.
bool starts_unit(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  line.remove_prefix(i);
  if (line.empty()) return false;
  if (line[0] == '#') return true;
  if ((line[0] == '-' || line[0] == '*' || line[0] == '+') && line.size() > 1 && (line[1] == ' ' || line[1] == '\t'))
    return true;
  if (line.substr(0, 3) == "\u2022") return true;
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  return digits > 0 && digits < 4 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
         line[digits + 1] == ' ';
}

struct Line {
  std::size_t begin;
  std::size_t end;  // before the line break
  bool blank;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    const bool blank = std::all_of(line.begin(), line.end(), [](char c) { return is_space(c); });
    lines.push_back({begin, end, blank});
    if (end == text.size()) break;
    begin = end + 1;
  }
  return lines;
}

Span trim(std::string_view text, Span s) {
  while (s.begin < s.end && is_space(text[s.begin])) ++s.begin;
  while (s.end > s.begin && is_space(text[s.end - 1])) --s.end;
  return s;
}

// True when a unit ends like a sentence: . ! ? : ; or an ellipsis, before any closing quotes.
bool ends_like_sentence(std::string_view text, Span s) {
  std::size_t end = s.end;
  std::size_t closer = 0;
  while (end > s.begin) {
    const std::size_t back = end >= s.begin + 3 ? end - 3 : s.begin;
    if (is_closer(text, end - 1, &closer) && closer == 1) {
      --end;
    } else if (end - back == 3 && is_closer(text, back, &closer) && closer == 3) {
      end = back;
    } else {
      break;
    }
  }
  if (end == s.begin) return false;
  const char last = text[end - 1];
  return last == '.' || last == '!' || last == '?' || last == ':' || last == ';' ||
         (end >= s.begin + 3 && text.substr(end - 3, 3) == "\u2026");
}

// A greeting on a line of its own ("Hi everyone!", "Dear customer,") opens a letter; it is
// not part of the body, whatever its punctuation.
bool is_greeting(std::string_view text, Span s) {
  static constexpr std::array<std::string_view, 7> kGreetings = {"hi", "hello", "hey", "dear", "greetings", "good morning",
                                                                 "good afternoon"};
  const bool line_of_its_own = (s.end == text.size() || text[s.end] == '\n' || text[s.end] == '\r');
  if (!line_of_its_own || s.end - s.begin > 60) return false;
  // ASCII lower case, not the C locale's: the greetings are ASCII, and this runs per sentence.
  std::array<char, 16> buffer{};
  std::size_t length = 0;
  for (std::size_t i = s.begin; i < s.end && length < buffer.size(); ++i) {
    const char c = text[i];
    buffer[length++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view start(buffer.data(), length);
  for (std::string_view g : kGreetings) {
    if (start.starts_with(g) && (start.size() == g.size() || !std::isalpha(static_cast<unsigned char>(start[g.size()])))) {
      return true;
    }
  }
  return false;
}

// Where sentences end inside one block: appends each sentence to `out`.
void split_sentences(std::string_view text, Span block, Segmentation& out) {
  std::size_t start = block.begin;
  auto emit = [&](std::size_t end) {
    const Span s = trim(text, {start, end});
    if (s.end > s.begin) {
      out.sentences.push_back(s);
      out.titles.push_back(!ends_like_sentence(text, s) || is_greeting(text, s));
    }
    start = end;
  };
  // The bytes the loop below stops at; it runs over every byte of the text, and most need no
  // more than one table lookup.
  static constexpr std::array<bool, 256> kStop = [] {
    std::array<bool, 256> stop{};
    for (const char c : {'\n', '.', '!', '?', '\xE2'}) stop[static_cast<unsigned char>(c)] = true;  // \xE2 leads …
    return stop;
  }();
  for (std::size_t i = block.begin; i < block.end;) {
    if (!kStop[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
    const char c = text[i];
    // A short line without end punctuation followed by a capitalised line (a title, a
    // greeting, a signature) is a unit of its own.
    if (c == '\n') {
      const Span line = trim(text, {start, i});
      const std::size_t next = i + 1;
      std::size_t k = next;
      while (k < block.end && (text[k] == ' ' || text[k] == '\t')) ++k;
      if (line.end > line.begin && line.end - line.begin < 40 && k < block.end && is_upper_or_digit(text[k])) {
        emit(next);
      }
      ++i;
      continue;
    }
    const bool ellipsis = c == '\xE2' && text.substr(i, 3) == "\u2026";
    if (c != '.' && c != '!' && c != '?' && !ellipsis) {
      ++i;
      continue;
    }
    const std::size_t mark = i;
    std::size_t j = i;
    int periods = 0;
    bool strong = false;  // ! or ?
    while (j < block.end) {
      if (text[j] == '.') {
        ++periods;
        ++j;
      } else if (text[j] == '!' || text[j] == '?') {
        strong = true;
        ++j;
      } else if (text.substr(j, 3) == "\u2026") {
        periods += 3;
        j += 3;
      } else {
        break;
      }
    }
    std::size_t closer = 0;
    while (j < block.end && is_closer(text, j, &closer)) j += closer;
    i = j;
    if (j < block.end && !is_space(text[j])) continue;  // 2.5, v1.2, example.com, e.g.x
    std::size_t next = j;
    while (next < block.end && is_space(text[next])) ++next;
    if (next >= block.end) {
      emit(block.end);
      break;
    }
    const char following = text[next];
    if (is_lower(following)) continue;  // a lower-case word continues the sentence
    if (!strong && periods == 1) {
      const std::string word = lower_word_before(text, mark, start);
      if (contains(kNeverEnd, word)) continue;
      if (contains(kBeforeNumber, word) && following >= '0' && following <= '9') continue;
      if (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]))) continue;  // an initial
      if (contains(kEndBeforeCapital, word) && !is_upper_or_digit(following)) continue;
    }
    if (periods > 1 && !is_upper_or_digit(following)) continue;  // an ellipsis mid-sentence
    emit(j);
  }
  if (start < block.end) emit(block.end);
}

}  // namespace

std::size_t Segmentation::sentence_index_at(std::size_t offset) const {
  if (sentences.empty()) return 0;
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](std::size_t value, const Span& s) { return value < s.begin; });
  return it == sentences.begin() ? 0 : static_cast<std::size_t>(std::prev(it) - sentences.begin());
}

Span Segmentation::sentence_at(std::size_t offset) const {
  return sentences.empty() ? Span{} : sentences[sentence_index_at(offset)];
}

std::vector<std::size_t> Segmentation::body_sentences() const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (!titles[i]) out.push_back(i);
  }
  return out;
}

Segmentation segment(std::string_view text) {
  Segmentation result;
  const std::vector<Line> lines = split_lines(text);
  bool blank_separated = false;
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
    if (lines[i].blank && !lines[i - 1].blank) blank_separated = true;
  }
  std::vector<Span> blocks;
  std::size_t block_start = 0;
  bool open = false;
  for (const Line& line : lines) {
    const std::string_view content = text.substr(line.begin, line.end - line.begin);
    const bool new_unit = !blank_separated || starts_unit(content);
    if (line.blank) {
      if (open) blocks.push_back({block_start, line.begin});
      open = false;
      continue;
    }
    if (open && new_unit) blocks.push_back({block_start, line.begin});
    if (!open || new_unit) {
      block_start = line.begin;
      open = true;
    }
    // A heading ends its unit at the end of its line.
    if (blank_separated && starts_unit(content) && content.find_first_not_of(" \t") != std::string_view::npos &&
        content[content.find_first_not_of(" \t")] == '#') {
      blocks.push_back({block_start, line.end});
      open = false;
    }
  }
  if (open) blocks.push_back({block_start, text.size()});
  for (const Span& block : blocks) {
    const Span paragraph = trim(text, block);
    if (paragraph.end <= paragraph.begin) continue;
    result.paragraphs.push_back(paragraph);
    split_sentences(text, paragraph, result);
  }
  return result;
}

}  // namespace draftlint::detail
