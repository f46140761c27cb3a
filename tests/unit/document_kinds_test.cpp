// Document-level kinds (required, occurrence, conditional, position, metric) and scopes.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <draftlint/draftlint.hpp>

namespace {

using draftlint::Diagnostic;

// Loads one rule from YAML (named NAME.yml), compiles it alone and lints `text`.
std::vector<Diagnostic> lint_with(const std::string& yaml, const std::string& text, const std::string& name = "r.yml") {
  draftlint::LoadResult loaded = draftlint::RuleSet::load_string(yaml, name);
  EXPECT_TRUE(loaded.ok()) << (loaded.problems.empty() ? "" : loaded.problems.front().to_string());
  draftlint::CompileResult compiled = draftlint::Linter::compile(loaded.rules);
  EXPECT_TRUE(compiled.linter);
  if (!compiled.linter) return {};
  return compiled.linter->lint(text);
}

std::vector<draftlint::Problem> problems_of(const std::string& yaml) {
  return draftlint::RuleSet::load_string(yaml, "bad.yml").problems;
}

bool has_problem(const std::vector<draftlint::Problem>& problems, const std::string& needle) {
  for (const auto& p : problems) {
    if (p.message.find(needle) != std::string::npos) return true;
  }
  return false;
}

// A paragraph of 60 plain sentences (over a kilobyte), so the text around it falls into
// different matching chunks.
std::string filler() {
  std::string out;
  for (int i = 0; i < 60; ++i) out += "All is calm here. ";
  return out;
}

constexpr const char* kRequiredDate = R"(kind: required
severity: warning
message: "Say when ({count} of {min} found)."
patterns: ['\bby (?:monday|friday)\b']
anchor: ['\boutage\b']
)";

TEST(RequiredKind, ReportsOnTheAnchorSentenceWhenEvidenceIsMissing) {
  const std::string text = "Hello there.\nThe outage hit checkout. We are looking into it.";
  const auto ds = lint_with(kRequiredDate, text);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "The outage hit checkout.");
  EXPECT_EQ(ds[0].message, "Say when (0 of 1 found).");
  EXPECT_EQ(ds[0].start.line, 2);
}

TEST(RequiredKind, IsSilentWhenEvidenceIsPresent) {
  EXPECT_TRUE(lint_with(kRequiredDate, "The outage hit checkout. We will fix it by Friday.").empty());
}

TEST(RequiredKind, FallsBackToTheFirstBodySentenceWithoutAnAnchor) {
  const auto ds = lint_with(kRequiredDate, "Subject line here\n\nCheckout was slow. Sorry.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "Checkout was slow.");
}

TEST(RequiredKind, LooksPastAnExceptedMatchIntoLaterChunks) {
  const std::string yaml = std::string(kRequiredDate) + "exceptions: ['\\bopen by friday\\b']\n";
  EXPECT_TRUE(lint_with(yaml, "We are open by Friday.\n\n" + filler() + "\n\nThe outage ends by Monday.").empty());
  EXPECT_EQ(lint_with(yaml, "We are open by Friday.\n\n" + filler() + "\n\nThe outage is over.").size(), 1u);
}

TEST(RequiredKind, CountsAgainstMin) {
  const std::string yaml = std::string(kRequiredDate) + "min: 2\n";
  EXPECT_EQ(lint_with(yaml, "The outage. By Monday we fix it.").size(), 1u);
  EXPECT_TRUE(lint_with(yaml, "The outage. By Monday we fix it, by Friday we test it.").empty());
}

TEST(RequiredKind, SaysNothingAboutAnEmptyText) { EXPECT_TRUE(lint_with(kRequiredDate, " \n\n ").empty()); }

TEST(RequiredKind, ChecksEachParagraphWithParagraphScope) {
  const std::string yaml = std::string(kRequiredDate) + "scope: paragraph\n";
  const auto ds = lint_with(yaml, "Fixed by Monday.\n\nThe outage again.\n\nDone by Friday.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "The outage again.");
}

TEST(RequiredKind, RejectsMinBelowOne) {
  EXPECT_TRUE(has_problem(problems_of(std::string(kRequiredDate) + "min: 0\n"), "'min' must be at least 1"));
}

constexpr const char* kSorry = R"(kind: occurrence
severity: suggestion
message: "'{match}' is apology {count}; keep it to {max}."
tokens: [sorry, apologize]
max: 2
)";

TEST(OccurrenceKind, FlagsTheFirstMatchOverTheLimit) {
  const auto ds = lint_with(kSorry, "Sorry. We apologize. Truly sorry. Sorry again.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].offset, std::string("Sorry. We apologize. Truly ").size());
  EXPECT_EQ(ds[0].message, "'sorry' is apology 4; keep it to 2.");
}

TEST(OccurrenceKind, AllowsUpToMax) { EXPECT_TRUE(lint_with(kSorry, "Sorry. We apologize.").empty()); }

TEST(OccurrenceKind, CountsPerSentenceWithSentenceScope) {
  const std::string yaml = std::string(kSorry) + "scope: sentence\n";
  EXPECT_TRUE(lint_with(yaml, "Sorry, sorry. Sorry, sorry.").empty());
  EXPECT_EQ(lint_with(yaml, "Sorry, sorry, sorry.").size(), 1u);
}

TEST(OccurrenceKind, RequiresMax) {
  const std::string yaml = "kind: occurrence\nseverity: warning\nmessage: m\ntokens: [x]\n";
  EXPECT_TRUE(has_problem(problems_of(yaml), "missing required field 'max'"));
}

constexpr const char* kDelayNeedsDate = R"(kind: conditional
severity: warning
message: "'{match}' needs a date."
if: ['\bdelay(?:ed)?\b']
then: ['\bby (?:monday|friday)\b']
)";

TEST(ConditionalKind, FlagsTheConditionWhenTheConsequenceIsMissing) {
  const auto ds = lint_with(kDelayNeedsDate, "Your order is delayed. We are sorry.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "delayed");
  EXPECT_EQ(ds[0].message, "'delayed' needs a date.");
}

TEST(ConditionalKind, IsSilentWhenBothOrNeitherMatch) {
  EXPECT_TRUE(lint_with(kDelayNeedsDate, "Your order is delayed; it ships by Friday.").empty());
  EXPECT_TRUE(lint_with(kDelayNeedsDate, "Your order shipped.").empty());
}

TEST(ConditionalKind, AcceptsAConsequenceInAnEarlierChunk) {
  EXPECT_TRUE(lint_with(kDelayNeedsDate, "We ship by Friday.\n\n" + filler() + "\n\nSome items are delayed.").empty());
}

TEST(ConditionalKind, FlagsTheFirstConditionOfTheDocument) {
  const auto ds = lint_with(kDelayNeedsDate, "Nothing is late.\n\n" + filler() + "\n\nParcels are delayed.\n\n" +
                                                 filler() + "\n\nBoxes are delayed too.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].start.line, 5);
}

TEST(ConditionalKind, ChecksEachParagraphWithParagraphScope) {
  const std::string yaml = std::string(kDelayNeedsDate) + "scope: paragraph\n";
  const auto ds = lint_with(yaml, "Parcels are delayed. They ship by Friday.\n\nBoxes are delayed.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].start.line, 3);
}

TEST(ConditionalKind, RejectsTokensAndMissingLists) {
  const std::string with_tokens = std::string(kDelayNeedsDate) + "tokens: [x]\n";
  EXPECT_TRUE(has_problem(problems_of(with_tokens), "take their patterns from 'if' and 'then'"));
  const std::string no_then = "kind: conditional\nseverity: warning\nmessage: m\nif: [x]\n";
  EXPECT_TRUE(has_problem(problems_of(no_then), "missing required field 'then'"));
}

constexpr const char* kNewsFirst = R"(kind: position
severity: warning
message: "'{match}' is in sentence {position}; move it into the first {within}."
patterns: ['\boutage\b']
within: 2
)";

TEST(PositionKind, FlagsNewsAfterTheFirstSentences) {
  const auto ds = lint_with(kNewsFirst, "Hi all,\nWe love our users. Spring is here. The outage hit us.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "outage");
  EXPECT_EQ(ds[0].message, "'outage' is in sentence 3; move it into the first 2.");
}

TEST(PositionKind, IgnoresTitlesAndGreetingsWhenCounting) {
  EXPECT_TRUE(lint_with(kNewsFirst, "Big news\n\nHi all,\n\nWe love our users. The outage hit us.").empty());
}

TEST(PositionKind, SaysNothingWhenTheNewsIsAbsent) {
  EXPECT_TRUE(lint_with(kNewsFirst, "One. Two. Three. Four.").empty());
}

TEST(PositionKind, SkipsAnExceptedMatchAndCountsTheNextOneInALaterChunk) {
  const std::string yaml = std::string(kNewsFirst) + "exceptions: ['\\bno outage\\b']\n";
  const auto ds = lint_with(yaml, "There was no outage last week.\n\n" + filler() + "\n\nThe outage hit us today.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].start.line, 5);
  EXPECT_EQ(ds[0].message, "'outage' is in sentence 62; move it into the first 2.");
}

TEST(PositionKind, ChecksEachParagraphWithParagraphScope) {
  const std::string yaml = std::string(kNewsFirst) + "scope: paragraph\n";
  const auto ds = lint_with(yaml, "Spring is here. Birds sing. The outage hit us.\n\nThe outage is over.\n\nOne. Two. An outage.");
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].start.line, 1);
  EXPECT_EQ(ds[1].start.line, 5);
}

TEST(PositionKind, RequiresWithin) {
  const std::string yaml = "kind: position\nseverity: warning\nmessage: m\ntokens: [x]\nwithin: 0\n";
  EXPECT_TRUE(has_problem(problems_of(yaml), "'within' must be at least 1"));
}

TEST(MetricKind, FlagsLongSentences) {
  const std::string yaml = "kind: metric\nseverity: suggestion\nmessage: \"{value} words; keep under {max}.\"\n"
                           "metric: words-per-sentence\nmax: 5\n";
  const auto ds = lint_with(yaml, "Short one here. This sentence has rather more than five words in it.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].match, "This sentence has rather more than five words in it.");
  EXPECT_EQ(ds[0].message, "10 words; keep under 5.");
}

TEST(MetricKind, CountsSentencesPerParagraph) {
  const std::string yaml = "kind: metric\nseverity: suggestion\nmessage: \"{value} sentences\"\n"
                           "metric: sentences-per-paragraph\nmax: 2\n";
  const auto ds = lint_with(yaml, "We are sorry. It broke.\n\nWe fixed it. We tested it. We watch it.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].message, "3 sentences");
  EXPECT_EQ(ds[0].start.line, 3);
}

TEST(MetricKind, ComputesAReadingGradeForTheDocument) {
  const std::string yaml = "kind: metric\nseverity: suggestion\nmessage: \"grade {value}\"\nmetric: grade\nmax: 8\n";
  EXPECT_TRUE(lint_with(yaml, "We are sorry. The site was down. It is back now.").empty());
  const auto ds = lint_with(yaml,
                            "Notwithstanding considerable organizational complications, infrastructural "
                            "remediation necessitated comprehensive reconfiguration of authentication "
                            "subsystems throughout the international distribution environment.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].message.rfind("grade ", 0), 0u);
  EXPECT_GT(std::stod(ds[0].message.substr(6)), 8.0);
}

TEST(MetricKind, CountsWordsAcrossApostrophesAndAccents) {
  const std::string yaml = "kind: metric\nseverity: suggestion\nmessage: \"{value} words\"\n"
                           "metric: words-per-sentence\nmax: 7\n";
  // We’re, café’s, crème, brûlée and didn't are one word each: 8 words.
  const auto ds = lint_with(yaml, "We\u2019re sorry the caf\u00e9\u2019s cr\u00e8me br\u00fbl\u00e9e didn't arrive.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].message, "8 words");
}

TEST(MetricKind, GradeCountsSyllablesInAnyCase) {
  // The(1) TABLE(2: final "le" is a syllable) is(1) stable(2): 4 words, 6 syllables, 1 sentence;
  // 0.39 * 4 + 11.8 * 6 / 4 - 15.59 = 3.67.
  const std::string yaml = "kind: metric\nseverity: suggestion\nmessage: \"grade {value}\"\nmetric: grade\nmax: 0\n";
  const auto ds = lint_with(yaml, "The TABLE is stable.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].message, "grade 3.7");
}

TEST(MetricKind, RulesSharingTheSentencesReportWhatEachWouldAlone) {
  // Word counts are shared within a document; a words-only rule counting first must not leave
  // the grade rule without syllables, nor the other way round.
  const std::string words = "kind: metric\nseverity: suggestion\nmessage: \"{value} words\"\n"
                            "metric: words-per-sentence\nmax: 3\n";
  const std::string grade = "kind: metric\nseverity: suggestion\nmessage: \"grade {value}\"\nmetric: grade\nmax: 0\n";
  const std::string text = "The TABLE is stable.\n\nOur remediation necessitated comprehensive reconfiguration.";
  for (const bool words_first : {true, false}) {
    draftlint::RuleSet set;
    for (const auto& [yaml, name] : words_first ? std::vector<std::pair<std::string, std::string>>{{words, "a.yml"}, {grade, "b.yml"}}
                                                : std::vector<std::pair<std::string, std::string>>{{grade, "a.yml"}, {words, "b.yml"}}) {
      set.merge(draftlint::RuleSet::load_string(yaml, name).rules);
    }
    const auto together = draftlint::Linter::compile(set).linter->lint(text);
    std::vector<std::string> expected, got;
    for (const auto& d : lint_with(words, text)) expected.push_back(d.message);
    for (const auto& d : lint_with(grade, text)) expected.push_back(d.message);
    for (const auto& d : together) got.push_back(d.message);
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, expected);
    EXPECT_EQ(got.size(), 3u);  // the document's grade, and both sentences (4 and 6 words)
  }
}

TEST(MetricKind, ValidatesItsKeys) {
  const std::string base = "kind: metric\nseverity: suggestion\nmessage: m\n";
  EXPECT_TRUE(has_problem(problems_of(base + "metric: words\nmax: 3\n"), "unknown metric 'words'"));
  EXPECT_TRUE(has_problem(problems_of(base + "metric: grade\n"), "needs 'max' and/or 'min'"));
  EXPECT_TRUE(has_problem(problems_of(base + "metric: grade\nmin: 9\nmax: 3\n"), "is greater than 'max'"));
  EXPECT_TRUE(has_problem(problems_of(base + "metric: grade\nmax: lots\n"), "'max' must be a number"));
  EXPECT_TRUE(has_problem(problems_of(base + "metric: grade\nmax: 3\ntokens: [x]\n"), "take no 'tokens'"));
}

TEST(MessagePlaceholders, AreCheckedPerKind) {
  const std::string yaml = "kind: required\nseverity: warning\nmessage: \"{match} missing\"\ntokens: [x]\n";
  EXPECT_TRUE(has_problem(problems_of(yaml), "unknown placeholder '{match}' in the message of a rule of kind 'required'"));
}

constexpr const char* kExistence = "kind: existence\nseverity: warning\nmessage: m\ntokens: [outage]\n";

TEST(Scope, FirstSentencesSkipsTitlesAndCountsBodySentences) {
  const std::string yaml = std::string(kExistence) + "scope:\n  first-sentences: 2\n";
  const auto ds = lint_with(yaml, "Outage report\n\nOne outage. Two. Three outage.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].offset, std::string("Outage report\n\nOne ").size());
}

TEST(Scope, FirstAndLastParagraph) {
  const std::string first = std::string(kExistence) + "scope: first-paragraph\n";
  const std::string last = std::string(kExistence) + "scope: last-paragraph\n";
  const std::string text = "Dear customer,\n\nAn outage.\n\nAnother outage.";
  const auto in_first = lint_with(first, text);
  ASSERT_EQ(in_first.size(), 1u);
  EXPECT_EQ(in_first[0].start.line, 3);
  const auto in_last = lint_with(last, text);
  ASSERT_EQ(in_last.size(), 1u);
  EXPECT_EQ(in_last[0].start.line, 5);
}

TEST(Scope, SentenceScopeDropsMatchesThatCrossSentences) {
  const std::string yaml = "kind: existence\nseverity: warning\nmessage: m\npatterns: ['down\\. we']\nscope: sentence\n";
  EXPECT_TRUE(lint_with(yaml, "The site was down. We fixed it.").empty());
  const std::string text_scope = "kind: existence\nseverity: warning\nmessage: m\npatterns: ['down\\. we']\n";
  EXPECT_EQ(lint_with(text_scope, "The site was down. We fixed it.").size(), 1u);
}

TEST(Scope, RejectsUnknownScopes) {
  EXPECT_TRUE(has_problem(problems_of(std::string(kExistence) + "scope: chapter\n"), "'scope' must be one of"));
  EXPECT_TRUE(has_problem(problems_of(std::string(kExistence) + "scope:\n  first-sentences: 0\n"),
                          "'first-sentences' must be a whole number of at least 1"));
}

}  // namespace
