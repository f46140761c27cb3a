// Byte offsets → 1-based lines and code-point columns, directly and through lint().
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

namespace {

using draftlint::LineIndex;
using draftlint::Position;

std::vector<draftlint::Diagnostic> lint_token(std::string_view token, std::string_view text) {
  const auto loaded = draftlint::RuleSet::load_string(
      "kind: existence\nmessage: m\nseverity: warning\ntokens: ['" + std::string(token) + "']\n", "token-rule.yml");
  EXPECT_TRUE(loaded.ok());
  const auto compiled = draftlint::Linter::compile(loaded.rules);
  EXPECT_TRUE(compiled.linter);
  return compiled.linter ? compiled.linter->lint(text) : std::vector<draftlint::Diagnostic>{};
}

}  // namespace

TEST(LineIndex, CountsLinesAndColumnsFromOneWhenTextIsAscii) {
  const LineIndex index("ab\ncd\n");
  EXPECT_EQ(index.line_count(), 3);
  EXPECT_EQ(index.position(0), (Position{1, 1}));
  EXPECT_EQ(index.position(1), (Position{1, 2}));
  EXPECT_EQ(index.position(2), (Position{1, 3}));  // the '\n' itself
  EXPECT_EQ(index.position(3), (Position{2, 1}));
  EXPECT_EQ(index.position(4), (Position{2, 2}));
  EXPECT_EQ(index.position(6), (Position{3, 1}));  // end of text, after the last '\n'
}

TEST(LineIndex, CountsCodePointsWhenLineHasTwoByteCharacters) {
  const std::string text = "caf\u00E9 cr\u00E8me x";  // é and è are two bytes each
  const LineIndex index(text);
  EXPECT_EQ(index.position(text.find('x')), (Position{1, 12}));
  EXPECT_EQ(index.position(text.find("cr")), (Position{1, 6}));
}

TEST(LineIndex, CountsCodePointsWhenLineHasEmojiAndCjk) {
  const std::string text = "\U0001F600 \u4F60\u597D x\nok";  // 😀 is 4 bytes, 你 and 好 are 3 each
  const LineIndex index(text);
  EXPECT_EQ(index.position(text.find(' ')), (Position{1, 2}));
  EXPECT_EQ(index.position(text.find("\u597D")), (Position{1, 4}));
  EXPECT_EQ(index.position(text.find('x')), (Position{1, 6}));
  EXPECT_EQ(index.position(text.find("ok")), (Position{2, 1}));
}

TEST(LineIndex, GivesBomNoColumnWhenTextStartsWithBom) {
  const std::string text = "\xEF\xBB\xBFHello\nWorld";
  const LineIndex index(text);
  EXPECT_EQ(index.position(3), (Position{1, 1}));   // 'H'
  EXPECT_EQ(index.position(4), (Position{1, 2}));   // 'e'
  EXPECT_EQ(index.position(9), (Position{2, 1}));   // 'W': the BOM only affects line 1
  EXPECT_EQ(index.line_text(1), "Hello");
  EXPECT_EQ(index.line_text(2), "World");
}

TEST(LineIndex, EndsLinesAtCrlfWhenTextUsesWindowsLineEndings) {
  const std::string text = "one\r\ntwo\r\nthree";
  const LineIndex index(text);
  EXPECT_EQ(index.line_count(), 3);
  EXPECT_EQ(index.position(text.find("two")), (Position{2, 1}));
  EXPECT_EQ(index.position(text.find("hree")), (Position{3, 2}));
  EXPECT_EQ(index.line_text(1), "one");
  EXPECT_EQ(index.line_text(2), "two");
  EXPECT_EQ(index.line_text(3), "three");
}

TEST(LineIndex, StripsOnlyTrailingCarriageReturnWhenGivingLineText) {
  const LineIndex index("a\rb\r\n\r\nlast\r");
  EXPECT_EQ(index.line_text(1), "a\rb");
  EXPECT_EQ(index.line_text(2), "");
  EXPECT_EQ(index.line_text(3), "last");
}

TEST(LineIndex, ReturnsEmptyLineTextWhenLineIsOutOfRange) {
  const LineIndex index("one\ntwo");
  EXPECT_EQ(index.line_text(0), "");
  EXPECT_EQ(index.line_text(3), "");
  EXPECT_EQ(index.line_text(-1), "");
}

TEST(Positions, ReportsCodePointColumnsWhenFindingFollowsMultibyteText) {
  const std::string text = "Caf\u00E9 \U0001F600 \u4F60\u597D: rest assured.\n";
  const auto ds = lint_token("rest assured", text);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].offset, text.find("rest"));
  // C a f é ␠ 😀 ␠ 你 好 : ␠ → "rest" is code point 12.
  EXPECT_EQ(ds[0].start, (Position{1, 12}));
  EXPECT_EQ(ds[0].end, (Position{1, 24}));  // exclusive: just after "assured"
}

TEST(Positions, MakesEndExclusiveWhenSpanEndsAtLineEnd) {
  const std::string text = "We value you\nthanks";
  const auto ds = lint_token("value you", text);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].start, (Position{1, 4}));
  EXPECT_EQ(ds[0].end, (Position{1, 13}));
  EXPECT_EQ(ds[0].end.column - ds[0].start.column, 9);
}

TEST(Positions, SkipsBomWhenLintingTextThatStartsWithIt) {
  const std::string text = "\xEF\xBB\xBFSorry for any inconvenience.";
  const auto ds = lint_token("sorry", text);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].offset, 3u);  // offsets are into the text as given, BOM included
  EXPECT_EQ(ds[0].match, "Sorry");
  EXPECT_EQ(ds[0].start, (Position{1, 1}));
  EXPECT_EQ(ds[0].end, (Position{1, 6}));
}

TEST(Positions, CountsLinesWhenTextUsesCrlf) {
  const std::string text = "Hello,\r\n\r\nSorry for the delay.\r\n";
  const auto ds = lint_token("delay", text);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].start, (Position{3, 15}));
  EXPECT_EQ(ds[0].end, (Position{3, 20}));
  EXPECT_EQ(ds[0].offset, text.find("delay"));
}
