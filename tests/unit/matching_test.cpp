// Matching: word boundaries, case, quotes, line wraps, filters, overlaps, fixes, options.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

namespace {

using draftlint::Diagnostic;
using draftlint::LintOptions;
using draftlint::Linter;
using draftlint::RuleSet;
using draftlint::Severity;

std::string dump(const std::vector<draftlint::Problem>& problems) {
  std::string out;
  for (const auto& p : problems) out += "  " + p.to_string() + "\n";
  return out;
}

RuleSet rule(std::string_view yaml, std::string_view file = "test-rule.yml") {
  draftlint::LoadResult r = RuleSet::load_string(yaml, file);
  EXPECT_TRUE(r.ok()) << dump(r.problems);
  EXPECT_EQ(r.rules.size(), 1u);
  return r.rules;
}

std::vector<Diagnostic> lint(const RuleSet& rules, std::string_view text, const LintOptions& options = {}) {
  const draftlint::CompileResult c = Linter::compile(rules, options);
  EXPECT_TRUE(c.ok()) << dump(c.problems);
  if (!c.linter) return {};
  return c.linter->lint(text);
}

// An existence rule from a YAML fragment holding its tokens/patterns/filters.
RuleSet existence(std::string_view body) {
  return rule(std::string("kind: existence\nmessage: \"Avoid '{match}'.\"\nseverity: warning\n") + std::string(body));
}

std::vector<std::string> matches(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ds) out.push_back(d.match);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

// --- word boundaries --------------------------------------------------------------------

TEST(Matching, DoesNotMatchTokenWhenItIsPartOfALongerWord) {
  const RuleSet r = existence("tokens: [value]\n");
  EXPECT_EQ(matches(lint(r, "We valued your custom and value you. Valuable!")), (Strings{"value"}));
}

TEST(Matching, DoesNotMatchTokenWhenWordContinuesWithNonAsciiLetter) {
  const RuleSet r = existence("tokens: [caf]\n");
  const auto ds = lint(r, "The café and cafés are shut; the caf is open.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "caf");
  EXPECT_EQ(ds[0].offset, std::string_view("The café and cafés are shut; the ").size());
}

TEST(Matching, DoesNotMatchTokenWhenWordStartsWithNonAsciiLetter) {
  const RuleSet r = existence("tokens: [fe]\n");
  EXPECT_TRUE(lint(r, "A café is nice.").empty());
  EXPECT_EQ(lint(r, "Iron is fe here.").size(), 1u);
}

TEST(Matching, DoesNotMatchTokenWhenItEndsInNonAsciiLetterInsideLongerWord) {
  const RuleSet r = existence("tokens: [caf\u00E9]\n");
  EXPECT_EQ(matches(lint(r, "Two caf\u00E9s. One caf\u00E9.")), (Strings{"caf\u00E9"}));
}

TEST(Matching, IgnoresCaseOfNonAsciiLettersWhenIgnorecaseIsNotSet) {
  const RuleSet r = existence("tokens: [\u00E9t\u00E9]\n");
  EXPECT_EQ(matches(lint(r, "Cet \u00C9T\u00C9 et cet \u00E9t\u00E9.")), (Strings{"\u00C9T\u00C9", "\u00E9t\u00E9"}));
}

// --- case ---------------------------------------------------------------------------------

TEST(Matching, IgnoresCaseWhenIgnorecaseIsNotSet) {
  const RuleSet r = existence("tokens: [rest assured]\n");
  EXPECT_EQ(matches(lint(r, "REST ASSURED. Rest Assured. rest assured.")),
            (Strings{"REST ASSURED", "Rest Assured", "rest assured"}));
}

TEST(Matching, MatchesExactCaseOnlyWhenIgnorecaseIsFalse) {
  const RuleSet r = existence("ignorecase: false\ntokens: [rest assured]\npatterns: ['\\bASAP\\b']\n");
  EXPECT_EQ(matches(lint(r, "Rest assured, rest assured, asap, ASAP.")), (Strings{"rest assured", "ASAP"}));
}

// --- quotes and apostrophes -------------------------------------------------------------------

TEST(Matching, MatchesBothApostrophesWhenTokenHasStraightOne) {
  const RuleSet r = existence("tokens: [\"don't worry\"]\n");
  EXPECT_EQ(matches(lint(r, "Don\u2019t worry. Don't worry. Dont worry.")),
            (Strings{"Don\u2019t worry", "Don't worry"}));
}

TEST(Matching, MatchesBothApostrophesWhenTokenHasCurlyOne) {
  const RuleSet r = existence("tokens: [\"don\u2019t worry\"]\n");
  EXPECT_EQ(matches(lint(r, "Don\u2019t worry. Don't worry. Don\u2018t worry.")),
            (Strings{"Don\u2019t worry", "Don't worry", "Don\u2018t worry"}));
}

TEST(Matching, MatchesBothApostrophesWhenPatternHasStraightOne) {
  const RuleSet r = existence("patterns: [\"\\\\bcan't \\\\w+\"]\n");
  EXPECT_EQ(matches(lint(r, "We can\u2019t help and can't refund.")), (Strings{"can\u2019t help", "can't refund"}));
}

TEST(Matching, MatchesBothApostrophesWhenPatternHasCurlyOne) {
  const RuleSet r = existence("patterns: [\"\\\\bcan\u2019t \\\\w+\"]\n");
  EXPECT_EQ(matches(lint(r, "We can\u2019t help and can't refund.")), (Strings{"can\u2019t help", "can't refund"}));
}

TEST(Matching, MatchesBothApostrophesWhenPatternHasOneInsideClass) {
  const RuleSet r = existence("patterns: [\"\\\\bwe[']re sorry\"]\n");
  EXPECT_EQ(matches(lint(r, "We\u2019re sorry. We're sorry.")), (Strings{"We\u2019re sorry", "We're sorry"}));
}

TEST(Matching, MatchesStraightAndCurlyDoubleQuotesWhenTokenHasQuotes) {
  const RuleSet r = existence("tokens: ['\"valued\" customer']\n");
  EXPECT_EQ(matches(lint(r, "Our \u201Cvalued\u201D customer and our \"valued\" customer.")),
            (Strings{"\u201Cvalued\u201D customer", "\"valued\" customer"}));
}

// --- line wraps -------------------------------------------------------------------------------

TEST(Matching, MatchesTokenWhenItCrossesLineWrap) {
  const RuleSet r = existence("tokens: [rest assured]\n");
  const auto ds = lint(r, "We care.\nRest\nassured, we will fix it.\n");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "Rest\nassured");
  EXPECT_EQ(ds[0].message, "Avoid 'Rest assured'.");  // the wrap reads as one space
  EXPECT_EQ(ds[0].start, (draftlint::Position{2, 1}));
  EXPECT_EQ(ds[0].end, (draftlint::Position{3, 8}));
}

TEST(Matching, MatchesTokenWhenItCrossesCrlfLineWrap) {
  const RuleSet r = existence("tokens: [rest assured]\n");
  const auto ds = lint(r, "We care.\r\nRest\r\nassured, we will fix it.\r\n");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "Rest\r\nassured");
  EXPECT_EQ(ds[0].offset, 10u);
  EXPECT_EQ(ds[0].length, 13u);
  EXPECT_EQ(ds[0].message, "Avoid 'Rest assured'.");
  EXPECT_EQ(ds[0].start, (draftlint::Position{2, 1}));
  EXPECT_EQ(ds[0].end, (draftlint::Position{3, 8}));
}

TEST(Matching, MatchesNewlineWhenPatternHasSpace) {
  const RuleSet r = existence("patterns: ['rest assured']\n");
  EXPECT_EQ(matches(lint(r, "rest\nassured")), (Strings{"rest\nassured"}));
}

TEST(Matching, FindsEveryMatchWhenTextIsLongerThanOneChunk) {
  // The text is matched in chunks of about a kilobyte: matches in each of them are found.
  std::string filler;
  for (int i = 0; i < 60; ++i) filler += "All is calm here. ";
  const RuleSet r = existence("tokens: [sorry]\n");
  const std::string text = "We are sorry.\n\n" + filler + "\n\nSorry again.\n\n" + filler + "\n\nSo sorry.";
  const auto ds = lint(r, text);
  ASSERT_EQ(ds.size(), 3u);
  EXPECT_EQ(ds[0].start.line, 1);
  EXPECT_EQ(ds[1].start.line, 5);
  EXPECT_EQ(ds[2].start.line, 9);
}

TEST(Matching, MatchesOnlySpaceWhenPatternHasSpaceClass) {
  const RuleSet r = existence("patterns: ['rest[ ]assured']\n");
  EXPECT_EQ(matches(lint(r, "rest\nassured, rest  assured, rest assured")), (Strings{"rest assured"}));
}

// --- punctuation at the edges of tokens ----------------------------------------------------------

TEST(Matching, MatchesTokenWhenItEndsWithPunctuation) {
  const RuleSet r = existence("tokens: [A.S.A.P.]\n");
  const auto ds = lint(r, "Reply A.S.A.P. to us. ASAP is fine. XA.S.A.P. is not a token.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "A.S.A.P.");
  EXPECT_EQ(ds[0].offset, 6u);
}

TEST(Matching, MatchesTokenWhenItIsWrappedInParentheses) {
  const RuleSet r = existence("tokens: [(sic)]\n");
  EXPECT_EQ(matches(lint(r, "Their words (sic). And sic alone.")), (Strings{"(sic)"}));
}

// --- exceptions and context filters ------------------------------------------------------------

TEST(Matching, SilencesOnlyOverlappingMatchWhenExceptionMatches) {
  const RuleSet r = existence("tokens: [value]\nexceptions: ['value added tax']\n");
  const auto ds = lint(r, "The value added tax rose. We value you.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].offset, std::string_view("The value added tax rose. We ").size());
}

TEST(Matching, SilencesMatchWhenNotBeforeMatchesInSameSentence) {
  const RuleSet r = existence("tokens: [delay]\nnot_before: ['\\bshort']\n");
  EXPECT_TRUE(lint(r, "There was a short delay.").empty());
  // A wrapped line inside a paragraph is still the same sentence.
  EXPECT_TRUE(lint(r, "Hello.\n\nThere was a short\ndelay.\n").empty());
  EXPECT_EQ(lint(r, "There was a delay.").size(), 1u);
}

TEST(Matching, KeepsMatchWhenNotBeforeTextIsInPreviousSentence) {
  const RuleSet r = existence("tokens: [delay]\nnot_before: ['\\bshort']\n");
  const auto ds = lint(r, "It was short. Delay is normal.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "Delay");
}

TEST(Matching, KeepsMatchWhenNotBeforeTextIsNotRightBeforeIt) {
  const RuleSet r = existence("tokens: [delay]\nnot_before: ['\\bshort']\n");
  EXPECT_EQ(lint(r, "A short note about the delay.").size(), 1u);
}

TEST(Matching, SilencesMatchWhenNotAfterMatchesInSameSentence) {
  const RuleSet r = existence("tokens: [delay]\nnot_after: ['\\bof a day\\b']\n");
  const auto ds = lint(r, "A delay of a day is fine. A delay. Of a day, maybe.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].offset, std::string_view("A delay of a day is fine. A ").size());
}

// --- overlaps and order --------------------------------------------------------------------------

TEST(Matching, ReportsOneFindingWhenTokensOverlapAtSameStart) {
  const RuleSet r = existence("tokens: [refund, refund delay]\n");
  const auto ds = lint(r, "The refund delay hurt.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "refund delay");  // the longest at the leftmost start
}

TEST(Matching, ReportsOneFindingWhenPatternsOverlapPartly) {
  const RuleSet r = existence("patterns: ['late fee', 'fee waiver']\n");
  const auto ds = lint(r, "A late fee waiver.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "late fee");
}

TEST(Matching, SortsFindingsByOffsetThenRuleWhenSeveralRulesFire) {
  RuleSet set = rule("kind: existence\nmessage: m\nseverity: warning\ntokens: [sorry]\n", "zz-sorry.yml");
  set.merge(rule("kind: existence\nmessage: m\nseverity: warning\ntokens: [sorry, delay]\n", "aa-sorry.yml"));
  set.merge(rule("kind: existence\nmessage: m\nseverity: warning\ntokens: [inconvenience]\n", "mm-incon.yml"));
  const auto ds = lint(set, "A delay, sorry for the inconvenience, sorry.");
  ASSERT_EQ(ds.size(), 6u);
  for (std::size_t i = 1; i < ds.size(); ++i) {
    EXPECT_TRUE(ds[i - 1].offset < ds[i].offset || (ds[i - 1].offset == ds[i].offset && ds[i - 1].rule < ds[i].rule))
        << "finding " << i;
  }
  EXPECT_EQ(ds[0].rule, "aa-sorry");
  EXPECT_EQ(ds[0].match, "delay");
  EXPECT_EQ(ds[1].rule, "aa-sorry");
  EXPECT_EQ(ds[1].match, "sorry");
  EXPECT_EQ(ds[2].rule, "zz-sorry");
  EXPECT_EQ(ds[2].offset, ds[1].offset);
  EXPECT_EQ(ds[3].rule, "mm-incon");
}

// --- substitution ---------------------------------------------------------------------------------

namespace {
RuleSet substitution(std::string_view body) {
  return rule(std::string("kind: substitution\nmessage: \"Write '{replacement}', not '{match}'.\"\n"
                          "severity: suggestion\n") +
                  std::string(body),
              "wordy.yml");
}
}  // namespace

TEST(Matching, CarriesFixWhenSubstitutionMatches) {
  const RuleSet r = substitution("swap:\n  prior to: before\n");
  const std::string text = "We wrote prior to the launch.";
  const auto ds = lint(r, text);
  ASSERT_EQ(ds.size(), 1u);
  ASSERT_TRUE(ds[0].fix.has_value());
  EXPECT_EQ(ds[0].fix->offset, 9u);
  EXPECT_EQ(ds[0].fix->length, 8u);
  EXPECT_EQ(ds[0].fix->replacement, "before");
  EXPECT_EQ(ds[0].offset, ds[0].fix->offset);
  EXPECT_EQ(ds[0].length, ds[0].fix->length);
  EXPECT_EQ(ds[0].message, "Write 'before', not 'prior to'.");
  EXPECT_EQ(ds[0].severity, Severity::suggestion);
  std::string fixed = text;
  fixed.replace(ds[0].fix->offset, ds[0].fix->length, ds[0].fix->replacement);
  EXPECT_EQ(fixed, "We wrote before the launch.");
}

TEST(Matching, KeepsInitialCapitalWhenFixReplacesSentenceStart) {
  const RuleSet r = substitution("swap:\n  prior to: before\n");
  const auto ds = lint(r, "Prior to launch we tested.");
  ASSERT_EQ(ds.size(), 1u);
  ASSERT_TRUE(ds[0].fix.has_value());
  EXPECT_EQ(ds[0].fix->replacement, "Before");
  EXPECT_EQ(ds[0].message, "Write 'Before', not 'Prior to'.");
}

TEST(Matching, ExpandsGroupsWhenSubstitutionIsRegex) {
  const RuleSet r = substitution("regex: true\nswap:\n  'in order to (\\w+)': 'to \\1'\n");
  const auto ds = lint(r, "In order to fix it, we act in order to help.");
  ASSERT_EQ(ds.size(), 2u);
  ASSERT_TRUE(ds[0].fix && ds[1].fix);
  EXPECT_EQ(ds[0].fix->replacement, "To fix");
  EXPECT_EQ(ds[0].match, "In order to fix");
  EXPECT_EQ(ds[1].fix->replacement, "to help");
  EXPECT_EQ(ds[1].message, "Write 'to help', not 'in order to help'.");
}

TEST(Matching, UsesEachSwapWordingWhenSeveralPhrasesMatch) {
  const RuleSet r = substitution("swap:\n  prior to: before\n  in the event that: if\n");
  const auto ds = lint(r, "In the event that it fails, call prior to noon.");
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].fix->replacement, "If");
  EXPECT_EQ(ds[1].fix->replacement, "before");
}

TEST(Matching, HasNoFixWhenRuleIsExistence) {
  const auto ds = lint(existence("tokens: [refund]\n"), "A refund.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_FALSE(ds[0].fix.has_value());
  EXPECT_EQ(ds[0].message, "Avoid 'refund'.");
  EXPECT_EQ(ds[0].rule, "test-rule");
}

// --- options ----------------------------------------------------------------------------------------

namespace {
RuleSet three_rules() {
  RuleSet set = rule("kind: existence\nmessage: m\nseverity: warning\ntokens: [alpha]\n", "rule-alpha.yml");
  set.merge(rule("kind: existence\nmessage: m\nseverity: error\ntokens: [beta]\n", "rule-beta.yml"));
  set.merge(rule("kind: existence\nmessage: m\nseverity: suggestion\ntokens: [gamma]\n", "rule-gamma.yml"));
  return set;
}
std::vector<std::string> rule_ids(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ds) out.push_back(d.rule);
  return out;
}
constexpr std::string_view kGreek = "alpha beta gamma";
}  // namespace

TEST(Matching, RunsOnlySelectedRulesWhenSelectIsSet) {
  LintOptions options;
  options.select = {"rule-alpha", "rule-gamma"};
  EXPECT_EQ(rule_ids(lint(three_rules(), kGreek, options)), (Strings{"rule-alpha", "rule-gamma"}));
  const auto c = Linter::compile(three_rules(), options);
  ASSERT_TRUE(c.linter);
  EXPECT_EQ(c.linter->rules().size(), 2u);
}

TEST(Matching, SkipsIgnoredRulesWhenIgnoreIsSet) {
  LintOptions options;
  options.ignore = {"rule-beta"};
  EXPECT_EQ(rule_ids(lint(three_rules(), kGreek, options)), (Strings{"rule-alpha", "rule-gamma"}));
}

TEST(Matching, IgnoreWinsWhenRuleIsBothSelectedAndIgnored) {
  LintOptions options;
  options.select = {"rule-alpha", "rule-beta"};
  options.ignore = {"rule-beta"};
  EXPECT_EQ(rule_ids(lint(three_rules(), kGreek, options)), (Strings{"rule-alpha"}));
}

TEST(Matching, OverridesSeverityWhenSeverityOptionIsSet) {
  LintOptions options;
  options.severity["rule-alpha"] = Severity::error;
  const auto ds = lint(three_rules(), kGreek, options);
  ASSERT_EQ(ds.size(), 3u);
  EXPECT_EQ(ds[0].severity, Severity::error);
  EXPECT_EQ(ds[1].severity, Severity::error);
  EXPECT_EQ(ds[2].severity, Severity::suggestion);
  const auto c = Linter::compile(three_rules(), options);
  ASSERT_TRUE(c.linter);
  EXPECT_EQ(c.linter->rules().info("rule-alpha")->severity, Severity::error);
  // The rule set passed in is not changed.
  EXPECT_EQ(three_rules().info("rule-alpha")->severity, Severity::warning);
}

TEST(Matching, ReportsProblemWhenOptionNamesUnknownRule) {
  LintOptions options;
  options.select = {"rule-alpha", "rule-delta"};
  options.ignore = {"rule-epsilon"};
  options.severity["rule-zeta"] = Severity::error;
  const auto c = Linter::compile(three_rules(), options);
  EXPECT_FALSE(c.ok());
  ASSERT_EQ(c.problems.size(), 3u) << dump(c.problems);
  std::string all;
  for (const auto& p : c.problems) all += p.message + "\n";
  EXPECT_NE(all.find("rule-delta"), std::string::npos) << all;
  EXPECT_NE(all.find("rule-epsilon"), std::string::npos) << all;
  EXPECT_NE(all.find("rule-zeta"), std::string::npos) << all;
}

TEST(Matching, ReportsNothingWhenTextIsEmptyOrBlank) {
  EXPECT_TRUE(lint(three_rules(), "").empty());
  EXPECT_TRUE(lint(three_rules(), "\n\n").empty());
}
