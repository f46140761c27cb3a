// Phrases (`tokens`) are not parsed by RE2 at load: their translation must be a valid regex
// for any phrase that is valid UTF-8 (rule_parser.cpp relies on this), and invalid UTF-8 is
// reported at the phrase's place.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <draftlint/draftlint.hpp>

#include "rules/pattern_syntax.h"

namespace {

bool parses(const std::string& regex) {
  RE2::Options options;
  options.set_log_errors(false);
  return RE2(regex, options).ok();
}

}  // namespace

TEST(PhraseSyntax, TranslatesEveryValidUtf8PhraseIntoARegexRe2Accepts) {
  // Every ASCII byte (NUL and controls included), and letters, quotes and spaces beyond ASCII.
  std::vector<std::string> pieces;
  for (int c = 0; c < 0x80; ++c) pieces.emplace_back(1, static_cast<char>(c));
  for (const char* s : {"é", "ß", "\u2019", "\u201C", "\u00A0", "\u2026", "日", "\U0001F600", "\u212A"}) pieces.emplace_back(s);
  std::mt19937 random(20261206);
  for (int round = 0; round < 5000; ++round) {
    std::string phrase;
    const int length = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < length; ++i) phrase += pieces[random() % pieces.size()];
    const std::string body = draftlint::detail::phrase_to_regex(phrase);
    // As the rule parser wraps it: plain, before a match, after a match; with and without (?i).
    for (const std::string& regex : {body, "(?s:" + body + ")\\s*$", "^\\s*(?s:" + body + ")"}) {
      ASSERT_TRUE(parses(draftlint::detail::with_case(regex, true))) << "phrase bytes: " << phrase;
      ASSERT_TRUE(parses(draftlint::detail::with_case(regex, false))) << "phrase bytes: " << phrase;
    }
  }
}

TEST(PhraseSyntax, ReportsAPhraseThatIsNotValidUtf8AtItsPlace) {
  const std::string yaml = "kind: existence\nmessage: m\nseverity: warning\ntokens:\n  - fine\n  - caf\xE9 au lait\n";
  const auto loaded = draftlint::RuleSet::load_string(yaml, "bad-phrase.yml");
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_EQ(loaded.problems[0].line, 6);
  EXPECT_NE(loaded.problems[0].message.find("not valid UTF-8"), std::string::npos) << loaded.problems[0].message;
}

// Patterns are checked at load without the case flag (rule_parser.cpp): RE2 must accept a
// regex with (?i) in front exactly when it accepts it alone, valid or not.
TEST(PatternSyntax, TheCaseFlagNeverDecidesWhetherRe2AcceptsARegex) {
  const std::vector<std::string> pieces{"a", "B", "(", ")", "(?:", "(?-i:", "(?P<n>", "|", "*", "+", "?", "{2}", "{2,1}",
                                        "{1001}", "{,3}", "[", "]", "[a-z]", "[z-a]", "[^", "\\", "\\b", "\\d", "\\pL",
                                        "\\p{Greek}", "\\p{Nope}", "\\x{110000}", "\\Q", "\\E", "\\1", "\\k", ".", "^",
                                        "$", "\u00E9", "\u212A", "\xff", " ", "[[:alpha:]]", "[[:nope:]]", "(?s)", "(?z)"};
  std::mt19937 random(20261207);
  int accepted = 0, refused = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string regex;
    const int length = 1 + static_cast<int>(random() % 8);
    for (int i = 0; i < length; ++i) regex += pieces[random() % pieces.size()];
    const bool alone = parses(regex);
    ASSERT_EQ(parses("(?i)" + regex), alone) << regex;
    (alone ? accepted : refused)++;
  }
  EXPECT_GT(accepted, 1000);  // both sides are exercised
  EXPECT_GT(refused, 1000);
}

// Each convenience of translate_pattern, and what it leaves alone.
TEST(PatternSyntax, TranslatesSpacesAndQuotesOnlyWhereTheHeaderSays) {
  using draftlint::detail::translate_pattern;
  const std::string space(draftlint::detail::kSpaceRun);
  const std::string single(draftlint::detail::kSingleQuoteClass);
  const std::string dbl(draftlint::detail::kDoubleQuoteClass);
  EXPECT_EQ(translate_pattern("we are  sorry"), "we" + space + "are" + space + "sorry");
  EXPECT_EQ(translate_pattern("a +b"), "a +b");                       // a quantified space stays
  EXPECT_EQ(translate_pattern("we're \u201Cok\u201D"), "we" + single + "re" + space + dbl + "ok" + dbl);
  EXPECT_EQ(translate_pattern("['x]"), "['\u2018\u2019x]");           // in a class: the curly forms added
  EXPECT_EQ(translate_pattern("[\"]"), "[\"\u201C\u201D]");
  EXPECT_EQ(translate_pattern("[ a]b c"), "[ a]b" + space + "c");     // a space in a class stays
  EXPECT_EQ(translate_pattern("[]' ]x"), "[]'\u2018\u2019 ]x");        // ] first in a class is literal
  EXPECT_EQ(translate_pattern("[[:alpha:]'] x"), "[[:alpha:]'\u2018\u2019]" + space + "x");
  EXPECT_EQ(translate_pattern("\\' \\Q' \"\\E'"), "\\'" + space + "\\Q' \"\\E" + single);
  EXPECT_EQ(translate_pattern("caf\u00E9\u2014x"), "caf\u00E9\u2014x");  // other UTF-8 untouched
}
