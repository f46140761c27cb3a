// The hand-written template scanner against the regex it stands for (template_scanner.h).
#include "segment/template_scanner.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>

namespace {

using draftlint::detail::Span;
using draftlint::detail::TemplateScanner;

const RE2& oracle() {
  static const RE2 re(
      "(?s)(\\{\\{!--.*?--\\}\\}|\\{\\{\\{.*?\\}\\}\\}|\\{\\{.*?\\}\\}|\\{%.*?%\\}|\\{#.*?#\\}"
      "|\\{[A-Za-z_][A-Za-z0-9_.]*(?:,[^{}\\n]{0,80})?\\}"
      "|%\\([A-Za-z_][A-Za-z0-9_]*\\)[-+#0]*[0-9]*(?:\\.[0-9]+)?[sdifrxXeEgGc]"
      "|%[0-9]+\\$[sd]|%[-+#0]*[0-9]*(?:\\.[0-9]+)?[sdif])");
  return re;
}

// Every match, leftmost first, each search starting where the last match ended.
std::vector<std::pair<std::size_t, std::size_t>> regex_tags(const std::string& text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  re2::StringPiece input(text), tag;
  std::size_t pos = 0;
  while (pos < text.size() && oracle().Match(input, pos, text.size(), RE2::UNANCHORED, &tag, 1)) {
    const auto begin = static_cast<std::size_t>(tag.data() - text.data());
    out.emplace_back(begin, begin + tag.size());
    pos = begin + tag.size();
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> scanner_tags(const std::string& text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  TemplateScanner scanner(text);
  std::size_t pos = 0;
  while (const auto tag = scanner.next(pos)) {
    out.emplace_back(tag->begin, tag->end);
    pos = tag->end;
  }
  return out;
}

}  // namespace

TEST(TemplateScanner, FindsEachKindOfTag) {
  const std::string text =
      "Hi {{ customer.name }}, {{{ raw }}} {{!-- note --}} {% if x %}{# c #} {order_id} "
      "{count, plural, one {#} other {# items}} %s %05.2f %(name)s %1$d 50% off {not a tag}";
  EXPECT_EQ(scanner_tags(text), regex_tags(text));
  // Five blocks, {order_id} and four printf forms; the ICU plural holds braces, so it is no
  // single tag, and "50% off" and "{not a tag}" are prose.
  EXPECT_EQ(scanner_tags(text).size(), 10u);
}

TEST(TemplateScanner, TakesTheShortestBodyAndSpansLines) {
  const std::string text = "{{ a\n b }} and }} {% x\n%}";
  const auto tags = scanner_tags(text);
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(text.substr(tags[0].first, tags[0].second - tags[0].first), "{{ a\n b }}");
  EXPECT_EQ(tags, regex_tags(text));
}

TEST(TemplateScanner, CountsIcuArgumentsInCodePoints) {
  // 80 code points of two bytes each fit; 81 do not.
  std::string fits = "{n,";
  for (int i = 0; i < 80; ++i) fits += "é";
  fits += "}";
  std::string too_long = "{n,";
  for (int i = 0; i < 81; ++i) too_long += "é";
  too_long += "}";
  EXPECT_EQ(scanner_tags(fits).size(), 1u);
  EXPECT_TRUE(scanner_tags(too_long).empty());
  EXPECT_EQ(scanner_tags(fits), regex_tags(fits));
  EXPECT_EQ(scanner_tags(too_long), regex_tags(too_long));
}

TEST(TemplateScanner, StaysLinearWhenNothingCloses) {
  // 200,000 openers and no closer: a scanner that searched for "}}" from each one would take
  // minutes; this returns at once (ctest's timeout is the bound).
  const std::string text(400000, '{');
  EXPECT_TRUE(scanner_tags(text).empty());
  // Many candidates of one kind and none of the other: the other is not searched for again.
  std::string percents;
  for (int i = 0; i < 200000; ++i) percents += "%z";
  EXPECT_TRUE(scanner_tags(percents).empty());
  EXPECT_EQ(scanner_tags(percents + "{a}").size(), 1u);
}

TEST(TemplateScanner, AgreesWithTheRegexOnGeneratedTexts) {
  // Short random texts over the characters the syntax is made of, plus a few others and a
  // two-byte letter, so that every alternative is tried, half-finished and interleaved.
  const std::vector<std::string> pieces = {"{", "}", "{{", "}}", "{%", "%}", "{#", "#}", "{{!--", "--}}", "{{{", "}}}",
                                           "%",  "(",  ")",  "$",  "s",  "d",  "f",  "x",  "0",  "7",  ".",  ",",
                                           "-",  "+",  "#",  "a",  "_",  " ",  "\n", "é",  "name", "n,"};
  std::mt19937 random(20261206);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 24);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    ASSERT_EQ(scanner_tags(text), regex_tags(text)) << "text: " << text;
  }
}
