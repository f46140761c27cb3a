// Sentence and paragraph splitting, observed through rules that depend on it:
//   * a `not_before: ['\S']` rule fires only where its token starts a sentence (anything
//     before it in the same sentence silences it);
//   * a `scope: sentence` rule fires only where its whole match lies in one sentence.
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

namespace {

using draftlint::Linter;
using draftlint::RuleSet;

std::shared_ptr<const Linter> compile(std::string_view yaml) {
  const auto loaded = RuleSet::load_string(yaml, "segment-probe.yml");
  EXPECT_TRUE(loaded.ok());
  for (const auto& p : loaded.problems) ADD_FAILURE() << p.to_string();
  const auto compiled = Linter::compile(loaded.rules);
  EXPECT_TRUE(compiled.linter);
  return compiled.linter;
}

// Fires on `token` only when it is the first thing in its sentence.
bool starts_sentence(std::string_view token, std::string_view text) {
  const auto linter = compile("kind: existence\nmessage: m\nseverity: warning\ntokens: ['" + std::string(token) +
                              "']\nnot_before: ['\\S']\n");
  if (!linter) return false;
  const auto ds = linter->lint(text);
  EXPECT_LE(ds.size(), 1u) << text;
  return !ds.empty();
}

// Fires when `pattern` matches inside one sentence (scope: sentence).
bool within_one_sentence(std::string_view pattern, std::string_view text) {
  const auto linter = compile("kind: existence\nmessage: m\nseverity: warning\nscope: sentence\npatterns: ['" +
                              std::string(pattern) + "']\n");
  return linter && !linter->lint(text).empty();
}

// The same pattern with scope: text, as a control: it must match somewhere.
bool anywhere(std::string_view pattern, std::string_view text) {
  const auto linter =
      compile("kind: existence\nmessage: m\nseverity: warning\npatterns: ['" + std::string(pattern) + "']\n");
  return linter && !linter->lint(text).empty();
}

}  // namespace

TEST(Segment, ProbeFiresWhenTokenStartsText) {
  EXPECT_TRUE(starts_sentence("zed", "Zed fixed it."));
  EXPECT_FALSE(starts_sentence("zed", "Then Zed fixed it."));
}

TEST(Segment, SplitsSentenceWhenPeriodSpaceAndCapitalFollow) {
  EXPECT_TRUE(starts_sentence("zed", "It broke. Zed fixed it."));
  EXPECT_FALSE(within_one_sentence("broke\\. Zed", "It broke. Zed fixed it."));
  EXPECT_TRUE(anywhere("broke\\. Zed", "It broke. Zed fixed it."));
}

TEST(Segment, SplitsSentenceWhenExclamationOrQuestionMarkEnds) {
  EXPECT_TRUE(starts_sentence("zed", "It broke! Zed fixed it."));
  EXPECT_TRUE(starts_sentence("zed", "Why? Zed knows."));
}

TEST(Segment, SplitsSentenceWhenClosingQuoteFollowsPeriod) {
  EXPECT_TRUE(starts_sentence("zed", "He said \"It broke.\" Zed fixed it."));
  EXPECT_TRUE(starts_sentence("zed", "He said \u201CIt broke.\u201D Zed fixed it."));
}

TEST(Segment, KeepsSentenceWhenLowerCaseWordFollowsPeriod) {
  EXPECT_FALSE(starts_sentence("zed", "It broke. zed fixed it."));
}

TEST(Segment, KeepsSentenceWhenPeriodEndsEg) {
  EXPECT_FALSE(starts_sentence("zed", "Ask someone, e.g. Zed in billing."));
  EXPECT_FALSE(starts_sentence("zed", "Ask someone, i.e. Zed in billing."));
}

TEST(Segment, KeepsSentenceWhenPeriodEndsTitle) {
  EXPECT_FALSE(starts_sentence("smith", "Please call Mr. Smith today."));
  EXPECT_FALSE(starts_sentence("smith", "Please call Dr. Smith today."));
  EXPECT_FALSE(starts_sentence("smith", "Please call Mrs. Smith today."));
}

TEST(Segment, KeepsSentenceWhenPeriodIsInsideDecimalNumber) {
  EXPECT_FALSE(starts_sentence("5 percent", "Prices rose 2.5 percent this year."));
}

TEST(Segment, KeepsSentenceWhenPeriodsAreInsideVersionNumber) {
  EXPECT_FALSE(starts_sentence("2.3", "Install v1.2.3 today."));
  EXPECT_FALSE(starts_sentence("3 today", "Install v1.2.3 today."));
}

TEST(Segment, KeepsSentenceWhenColonIsInsideTime) {
  EXPECT_FALSE(starts_sentence("30 Monday", "We reopen at 10:30 Monday."));
  EXPECT_TRUE(within_one_sentence("10:30 Monday", "We reopen at 10:30 Monday."));
}

TEST(Segment, KeepsSentenceWhenPeriodIsInsideDomainName) {
  EXPECT_FALSE(starts_sentence("com", "Visit example.com for details."));
  EXPECT_FALSE(starts_sentence("example", "Write to help@example.com today."));
}

TEST(Segment, SplitsSentenceWhenDomainNameEndsIt) {
  EXPECT_TRUE(starts_sentence("zed", "Visit example.com. Zed is there."));
}

TEST(Segment, KeepsSentenceWhenCompanySuffixPrecedesLowerCaseWord) {
  EXPECT_FALSE(starts_sentence("has", "Acme Inc. has apologised."));
  EXPECT_TRUE(within_one_sentence("Inc\\. has apologised", "Acme Inc. has apologised."));
}

TEST(Segment, KeepsSentenceWhenTimeAbbreviationPrecedesLowerCaseWord) {
  EXPECT_FALSE(starts_sentence("today", "We reopen at 3 p.m. today."));
  EXPECT_TRUE(within_one_sentence("p\\.m\\. today", "We reopen at 3 p.m. today."));
}

TEST(Segment, SplitsSentenceWhenTimeAbbreviationPrecedesCapital) {
  EXPECT_TRUE(starts_sentence("zed", "We reopen at 3 p.m. Zed will call you."));
}

TEST(Segment, KeepsSentenceWhenPeriodFollowsInitial) {
  EXPECT_FALSE(starts_sentence("zed", "Signed by J. Zed for the team."));
}

TEST(Segment, MakesHeadingItsOwnUnitWhenNextLineFollowsDirectly) {
  const std::string text = "Hello.\n\n# Refund update\nWe are late with refunds.\n";
  EXPECT_TRUE(anywhere("update\\s+we", text));
  EXPECT_FALSE(within_one_sentence("update\\s+we", text));
  EXPECT_TRUE(starts_sentence("we are late", text));
}

TEST(Segment, MakesListItemsTheirOwnUnitsWhenListFollowsParagraph) {
  const std::string text =
      "We changed two things:\n"
      "\n"
      "- faster refunds\n"
      "- a new phone line\n"
      "\n"
      "Thanks for your patience.\n";
  EXPECT_TRUE(anywhere("refunds\\s+-\\s+a new", text));
  EXPECT_FALSE(within_one_sentence("refunds\\s+-\\s+a new", text));
  EXPECT_TRUE(within_one_sentence("a new phone line", text));
}

TEST(Segment, MakesNumberedItemsTheirOwnUnitsWhenListFollowsParagraph) {
  const std::string text = "Next steps:\n\n1. check your account\n2. reply to us\n";
  EXPECT_TRUE(anywhere("account\\s+2", text));
  EXPECT_FALSE(within_one_sentence("account\\s+2", text));
}

TEST(Segment, SplitsParagraphsWhenBlankLineSeparatesThem) {
  EXPECT_TRUE(starts_sentence("the refund", "We are sorry\n\nthe refund is late.\n"));
  EXPECT_FALSE(starts_sentence("the refund", "We are sorry\nthe refund is late.\n\nBye.\n"));
}

TEST(Segment, KeepsWrappedLineInSentenceWhenParagraphIsBlankSeparated) {
  const std::string text = "Hello.\n\nWe are sorry that the\nrefund is late.\n";
  EXPECT_TRUE(within_one_sentence("the\\s+refund", text));
}

TEST(Segment, SplitsSentenceWhenWordNoEndsIt) {
  // "No." is an abbreviation before a number ("No. 5"), but "no." before a capitalised word
  // is the end of a sentence.
  EXPECT_TRUE(starts_sentence("zed", "Can we refund it? The answer is no. Zed will explain why."));
  EXPECT_FALSE(starts_sentence("5 main", "We moved to No. 5 Main Street."));
}

TEST(Segment, SplitsSentencesAndParagraphsWhenTextUsesCrlf) {
  const std::string text = "Hello.\r\n\r\nWe are sorry that the\r\nrefund is late. Zed will call.\r\n\r\nBye.\r\n";
  EXPECT_TRUE(within_one_sentence("the\\s+refund", text));
  EXPECT_TRUE(starts_sentence("zed", text));
  EXPECT_TRUE(starts_sentence("bye", text));
}

// Matching is done paragraph block by paragraph block: a blank line ends every match, a line
// break inside a paragraph does not.
TEST(Matching, NoMatchCrossesABlankLine) {
  EXPECT_FALSE(anywhere("sorry\\s+the", "We are sorry\n\nthe refund is late.\n"));
  EXPECT_FALSE(anywhere("sorry\\s+the", "We are sorry\n \t\r\nthe refund is late.\n"));
  EXPECT_FALSE(anywhere("sorry[^.]+late", "Hello.\n\nWe are sorry\n\nthe refund is late.\n"));
  EXPECT_TRUE(anywhere("sorry\\s+the", "We are sorry the refund is late.\n\nBye.\n"));
}

TEST(Matching, MatchesAcrossALineBreakInsideAParagraph) {
  EXPECT_TRUE(anywhere("sorry\\s+that", "Hello.\n\nWe are sorry\nthat the refund is late.\n\nBye.\n"));
  // With no blank line anywhere every line is a paragraph, and a short text is still matched whole.
  EXPECT_TRUE(anywhere("sorry\\s+that", "Hello.\nWe are sorry\nthat the refund is late.\n"));
}
