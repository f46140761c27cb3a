// Loading rule files: every problem names the file, line and column; good rules load fully.
#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

namespace {

using draftlint::LoadResult;
using draftlint::Problem;
using draftlint::RuleSet;

std::string dump(const std::vector<Problem>& problems) {
  std::string out;
  for (const Problem& p : problems) out += "  " + p.to_string() + "\n";
  return out.empty() ? "  (no problems)\n" : out;
}

// The one problem whose message contains `needle`; fails the test when there is not exactly one.
Problem problem_with(const LoadResult& result, std::string_view needle) {
  std::vector<Problem> found;
  for (const Problem& p : result.problems) {
    if (p.message.find(needle) != std::string::npos) found.push_back(p);
  }
  EXPECT_EQ(found.size(), 1u) << "looking for '" << needle << "' in:\n" << dump(result.problems);
  return found.empty() ? Problem{} : found.front();
}

void expect_at(const Problem& p, std::string_view file, int line, int column) {
  EXPECT_EQ(p.file, file) << p.to_string();
  EXPECT_EQ(p.line, line) << p.to_string();
  EXPECT_EQ(p.column, column) << p.to_string();
}

constexpr std::string_view kHeader =
    "kind: existence\n"
    "message: \"Avoid '{match}'.\"\n"
    "severity: warning\n";

}  // namespace

TEST(RuleLoader, SuggestsNearKeyWhenKeyIsMisspelled) {
  const LoadResult r = RuleSet::load_string(
      "kind: existence\n"
      "mesage: \"Avoid it.\"\n"
      "severity: warning\n"
      "tokens: [refund]\n",
      "typo-rule.yml");
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.rules.empty());
  const Problem p = problem_with(r, "unknown key 'mesage'");
  expect_at(p, "typo-rule.yml", 2, 1);
  EXPECT_NE(p.message.find("did you mean 'message'?"), std::string::npos) << p.message;
  // The required field is still reported as missing.
  problem_with(r, "missing required field 'message'");
}

TEST(RuleLoader, NamesOwningKindWhenKeyBelongsToAnotherKind) {
  const LoadResult r = RuleSet::load_string(std::string(kHeader) +
                                                "tokens: [refund]\n"
                                                "swap:\n"
                                                "  refund: credit\n",
                                            "wrong-kind-key.yml");
  EXPECT_TRUE(r.rules.empty());
  const Problem p = problem_with(r, "unknown key 'swap'");
  expect_at(p, "wrong-kind-key.yml", 5, 1);
  EXPECT_NE(p.message.find("substitution"), std::string::npos) << p.message;
  EXPECT_EQ(p.message.find("did you mean"), std::string::npos) << p.message;
}

TEST(RuleLoader, ReportsWrongTypeWhenTokensIsAString) {
  const LoadResult r = RuleSet::load_string(std::string(kHeader) + "tokens: refund\n", "string-tokens.yml");
  EXPECT_TRUE(r.rules.empty());
  const Problem p = problem_with(r, "'tokens' must be a list of strings");
  expect_at(p, "string-tokens.yml", 4, 9);
}

TEST(RuleLoader, ReportsMissingMessageWhenMessageIsAbsent) {
  const LoadResult r = RuleSet::load_string("kind: existence\nseverity: warning\ntokens: [refund]\n", "no-message.yml");
  EXPECT_TRUE(r.rules.empty());
  expect_at(problem_with(r, "missing required field 'message'"), "no-message.yml", 1, 1);
}

TEST(RuleLoader, ReportsMissingSeverityWhenSeverityIsAbsent) {
  const LoadResult r = RuleSet::load_string("kind: existence\nmessage: x\ntokens: [refund]\n", "no-severity.yml");
  EXPECT_TRUE(r.rules.empty());
  expect_at(problem_with(r, "missing required field 'severity'"), "no-severity.yml", 1, 1);
}

TEST(RuleLoader, ReportsMissingKindWhenKindIsAbsent) {
  const LoadResult r = RuleSet::load_string("message: x\nseverity: warning\ntokens: [refund]\n", "no-kind.yml");
  EXPECT_TRUE(r.rules.empty());
  expect_at(problem_with(r, "missing required field 'kind'"), "no-kind.yml", 1, 1);
}

TEST(RuleLoader, ReportsEmptyListWhenTokensIsEmpty) {
  const LoadResult r = RuleSet::load_string(std::string(kHeader) + "tokens: []\n", "empty-tokens.yml");
  EXPECT_TRUE(r.rules.empty());
  expect_at(problem_with(r, "'tokens' is an empty list"), "empty-tokens.yml", 4, 9);
}

TEST(RuleLoader, ReportsBadSeverityWhenSeverityIsUnknown) {
  const LoadResult r =
      RuleSet::load_string("kind: existence\nmessage: x\nseverity: fatal\ntokens: [refund]\n", "bad-severity.yml");
  EXPECT_TRUE(r.rules.empty());
  const Problem p = problem_with(r, "bad severity 'fatal'");
  expect_at(p, "bad-severity.yml", 3, 11);
  EXPECT_NE(p.message.find("error, warning or suggestion"), std::string::npos) << p.message;
}

TEST(RuleLoader, ListsKnownKindsWhenKindIsUnknown) {
  const LoadResult r =
      RuleSet::load_string("kind: existance\nmessage: x\nseverity: warning\ntokens: [refund]\n", "bad-kind.yml");
  EXPECT_TRUE(r.rules.empty());
  const Problem p = problem_with(r, "unknown kind 'existance'");
  expect_at(p, "bad-kind.yml", 1, 7);
  EXPECT_NE(p.message.find("existence"), std::string::npos) << p.message;
  EXPECT_NE(p.message.find("substitution"), std::string::npos) << p.message;
}

TEST(RuleLoader, ReportsParseErrorPositionWhenYamlIsInvalid) {
  // "a: b" as a plain value: the second ':' (line 2, column 11) is where YAML gives up.
  const LoadResult r = RuleSet::load_string(
      "kind: existence\n"
      "message: a: b\n"
      "severity: warning\n"
      "tokens: [refund]\n",
      "bad-yaml.yml");
  EXPECT_TRUE(r.rules.empty());
  expect_at(problem_with(r, "invalid YAML"), "bad-yaml.yml", 2, 11);
}

TEST(RuleLoader, ReportsParseErrorPositionWhenFlowListHasStrayBrace) {
  const LoadResult r = RuleSet::load_string(std::string(kHeader) + "tokens: [refund]}\n", "stray-brace.yml");
  EXPECT_TRUE(r.rules.empty());
  expect_at(problem_with(r, "invalid YAML"), "stray-brace.yml", 4, 17);
}

TEST(RuleLoader, QuotesRe2ErrorWhenPatternIsInvalid) {
  const LoadResult r = RuleSet::load_string(std::string(kHeader) +
                                                "patterns:\n"
                                                "  - '\\bfine\\b'\n"
                                                "  - '(unclosed'\n",
                                            "bad-regex.yml");
  EXPECT_TRUE(r.rules.empty());
  const Problem p = problem_with(r, "(unclosed");
  expect_at(p, "bad-regex.yml", 6, 5);
  EXPECT_NE(p.message.find("missing )"), std::string::npos) << p.message;
}

TEST(RuleLoader, ReportsUnknownPlaceholderWhenMessageUsesOne) {
  const LoadResult r = RuleSet::load_string(
      "kind: existence\n"
      "message: \"Avoid {mtach}.\"\n"
      "severity: warning\n"
      "tokens: [refund]\n",
      "bad-placeholder.yml");
  EXPECT_TRUE(r.rules.empty());
  const Problem p = problem_with(r, "unknown placeholder '{mtach}'");
  expect_at(p, "bad-placeholder.yml", 2, 10);
  EXPECT_NE(p.message.find("{match}"), std::string::npos) << p.message;
}

TEST(RuleLoader, RejectsReplacementPlaceholderWhenKindIsExistence) {
  const LoadResult r = RuleSet::load_string(
      "kind: existence\n"
      "message: \"Write {replacement}.\"\n"
      "severity: warning\n"
      "tokens: [refund]\n",
      "existence-replacement.yml");
  EXPECT_TRUE(r.rules.empty());
  expect_at(problem_with(r, "unknown placeholder '{replacement}'"), "existence-replacement.yml", 2, 10);
}

TEST(RuleLoader, RejectsFileNameWhenNotKebabCase) {
  const LoadResult r = RuleSet::load_string(std::string(kHeader) + "tokens: [refund]\n", "BadName.yml");
  EXPECT_TRUE(r.rules.empty());
  const Problem p = problem_with(r, "kebab-case");
  EXPECT_EQ(p.file, "BadName.yml");
  EXPECT_NE(p.message.find("'BadName'"), std::string::npos) << p.message;

  const LoadResult underscore = RuleSet::load_string(std::string(kHeader) + "tokens: [refund]\n", "bad_name.yml");
  EXPECT_TRUE(underscore.rules.empty());
  problem_with(underscore, "kebab-case");
}

TEST(RuleLoader, ReportsDuplicateKeyWhenKeyAppearsTwice) {
  const LoadResult r = RuleSet::load_string(std::string(kHeader) +
                                                "tokens: [refund]\n"
                                                "severity: error\n",
                                            "dup-key.yml");
  EXPECT_TRUE(r.rules.empty());
  expect_at(problem_with(r, "duplicate key 'severity'"), "dup-key.yml", 5, 1);
}

TEST(RuleLoader, SuggestsUnderscoreKeyWhenKeyUsesHyphen) {
  const LoadResult r = RuleSet::load_string(std::string(kHeader) +
                                                "tokens: [refund]\n"
                                                "not-before: ['we']\n",
                                            "hyphen-key.yml");
  EXPECT_TRUE(r.rules.empty());
  const Problem p = problem_with(r, "unknown key 'not-before'");
  expect_at(p, "hyphen-key.yml", 5, 1);
  EXPECT_NE(p.message.find("did you mean 'not_before'?"), std::string::npos) << p.message;
}

TEST(RuleLoader, ReportsBadScopeWhenScopeIsUnknown) {
  const LoadResult r = RuleSet::load_string(std::string(kHeader) +
                                                "tokens: [refund]\n"
                                                "scope: everywhere\n",
                                            "bad-scope.yml");
  EXPECT_TRUE(r.rules.empty());
  expect_at(problem_with(r, "'scope' must be one of"), "bad-scope.yml", 5, 8);
}

TEST(RuleLoader, ReportsBadBooleanWhenIgnorecaseIsNotTrueOrFalse) {
  const LoadResult r = RuleSet::load_string(std::string(kHeader) +
                                                "ignorecase: sometimes\n"
                                                "tokens: [refund]\n",
                                            "bad-bool.yml");
  EXPECT_TRUE(r.rules.empty());
  expect_at(problem_with(r, "'ignorecase' must be true or false"), "bad-bool.yml", 4, 13);
}

TEST(RuleLoader, ReportsMissingPatternsWhenExistenceRuleHasNone) {
  const LoadResult r = RuleSet::load_string(std::string(kHeader), "no-patterns.yml");
  EXPECT_TRUE(r.rules.empty());
  const Problem p = problem_with(r, "needs 'tokens' or 'patterns'");
  EXPECT_EQ(p.file, "no-patterns.yml");
}

TEST(RuleLoader, ReportsEveryProblemWhenFileHasSeveral) {
  const LoadResult r = RuleSet::load_string(
      "kind: existence\n"
      "message: x\n"
      "severity: loud\n"
      "tokens: []\n"
      "colour: red\n",
      "many-problems.yml");
  EXPECT_TRUE(r.rules.empty());
  EXPECT_GE(r.problems.size(), 3u) << dump(r.problems);
  expect_at(problem_with(r, "bad severity 'loud'"), "many-problems.yml", 3, 11);
  expect_at(problem_with(r, "'tokens' is an empty list"), "many-problems.yml", 4, 9);
  expect_at(problem_with(r, "unknown key 'colour'"), "many-problems.yml", 5, 1);
}

TEST(RuleLoader, FillsInfoWhenRuleIsGood) {
  const LoadResult r = RuleSet::load_string(
      "kind: existence\n"
      "message: \"Own the delay instead of '{match}'.\"\n"
      "severity: error\n"
      "description: Blaming the courier.\n"
      "link: https://example.com/rules/courier-blame\n"
      "scope: sentence\n"
      "tokens:\n"
      "  - the courier lost\n"
      "examples:\n"
      "  bad:\n"
      "    - \"Sadly the courier lost it.\"\n"
      "    - \"The courier lost your parcel.\"\n"
      "  good:\n"
      "    - \"We lost your parcel.\"\n",
      "courier-blame.yml");
  ASSERT_TRUE(r.ok()) << dump(r.problems);
  ASSERT_EQ(r.rules.size(), 1u);
  EXPECT_TRUE(r.rules.contains("courier-blame"));
  EXPECT_FALSE(r.rules.contains("courier"));
  const auto info = r.rules.info("courier-blame");
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->id, "courier-blame");
  EXPECT_EQ(info->kind, "existence");
  EXPECT_EQ(info->severity, draftlint::Severity::error);
  EXPECT_EQ(info->message, "Own the delay instead of '{match}'.");
  EXPECT_EQ(info->description, "Blaming the courier.");
  EXPECT_EQ(info->link, "https://example.com/rules/courier-blame");
  EXPECT_EQ(info->scope, "sentence");
  EXPECT_EQ(info->origin, "courier-blame.yml");
  EXPECT_EQ(info->bad_examples,
            (std::vector<std::string>{"Sadly the courier lost it.", "The courier lost your parcel."}));
  EXPECT_EQ(info->good_examples, (std::vector<std::string>{"We lost your parcel."}));
  EXPECT_FALSE(r.rules.info("no-such-rule").has_value());
}

TEST(RuleLoader, DefaultsScopeToTextWhenScopeIsAbsent) {
  const LoadResult r = RuleSet::load_string(std::string(kHeader) + "tokens: [refund]\n", "plain-rule.yml");
  ASSERT_TRUE(r.ok()) << dump(r.problems);
  const auto info = r.rules.info("plain-rule");
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->scope, "text");
  EXPECT_EQ(info->severity, draftlint::Severity::warning);
  EXPECT_TRUE(info->description.empty());
  EXPECT_TRUE(info->link.empty());
}

TEST(RuleLoader, LoadsOtherFilesWhenOneFileInDirectoryIsBroken) {
  const std::filesystem::path dir = std::filesystem::path(DRAFTLINT_FIXTURES) / "packs" / "mixed";
  const LoadResult r = RuleSet::load_directory(dir);
  EXPECT_EQ(r.rules.size(), 2u) << dump(r.problems);
  EXPECT_TRUE(r.rules.contains("apology-phrases"));
  EXPECT_TRUE(r.rules.contains("wordy-phrases"));
  EXPECT_FALSE(r.rules.contains("broken-severity"));
  ASSERT_EQ(r.problems.size(), 1u) << dump(r.problems);
  const Problem& p = r.problems.front();
  EXPECT_EQ(std::filesystem::path(p.file).filename(), "broken-severity.yml") << p.to_string();
  EXPECT_EQ(p.line, 3) << p.to_string();
  EXPECT_EQ(p.column, 11) << p.to_string();
  EXPECT_NE(p.message.find("critical"), std::string::npos) << p.message;
  // Origins name the files the rules came from.
  const auto info = r.rules.info("wordy-phrases");
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(std::filesystem::path(info->origin).filename(), "wordy-phrases.yml");
  EXPECT_EQ(info->kind, "substitution");
}

TEST(RuleLoader, ListsRulesSortedByIdWhenLoadedFromDirectory) {
  const LoadResult r = RuleSet::load_directory(std::filesystem::path(DRAFTLINT_FIXTURES) / "packs" / "mixed");
  const auto infos = r.rules.info();
  ASSERT_EQ(infos.size(), 2u);
  EXPECT_EQ(infos[0].id, "apology-phrases");
  EXPECT_EQ(infos[1].id, "wordy-phrases");
}

TEST(RuleLoader, ReportsProblemWhenDirectoryDoesNotExist) {
  const std::filesystem::path dir = std::filesystem::path(DRAFTLINT_FIXTURES) / "packs" / "no-such-pack";
  const LoadResult r = RuleSet::load_directory(dir);
  EXPECT_TRUE(r.rules.empty());
  ASSERT_EQ(r.problems.size(), 1u) << dump(r.problems);
  EXPECT_EQ(r.problems.front().file, dir.string());
}

TEST(RuleLoader, LoadsFileWhenGivenItsPath) {
  const std::filesystem::path file =
      std::filesystem::path(DRAFTLINT_FIXTURES) / "packs" / "mixed" / "apology-phrases.yml";
  const LoadResult r = RuleSet::load_file(file);
  ASSERT_TRUE(r.ok()) << dump(r.problems);
  EXPECT_TRUE(r.rules.contains("apology-phrases"));
  const LoadResult missing = RuleSet::load_file(file.parent_path() / "absent-rule.yml");
  EXPECT_TRUE(missing.rules.empty());
  ASSERT_FALSE(missing.problems.empty());
  EXPECT_EQ(std::filesystem::path(missing.problems.front().file).filename(), "absent-rule.yml");
}

TEST(RuleLoader, ReplacesRuleWithSameIdWhenMerging) {
  const LoadResult first = RuleSet::load_string(
      "kind: existence\nmessage: first\nseverity: warning\ntokens: [refund]\n", "shared-id.yml");
  const LoadResult other = RuleSet::load_string(
      "kind: existence\nmessage: other\nseverity: warning\ntokens: [refund]\n", "other-id.yml");
  const LoadResult second = RuleSet::load_string(
      "kind: existence\nmessage: second\nseverity: error\ntokens: [credit]\n", "pack/shared-id.yml");
  ASSERT_TRUE(first.ok() && other.ok() && second.ok());

  RuleSet set = first.rules;
  set.merge(other.rules);
  ASSERT_EQ(set.size(), 2u);
  set.merge(second.rules);
  ASSERT_EQ(set.size(), 2u);
  const auto info = set.info("shared-id");
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->message, "second");
  EXPECT_EQ(info->severity, draftlint::Severity::error);
  EXPECT_EQ(info->origin, "pack/shared-id.yml");
  // The copy taken before merging is unchanged.
  EXPECT_EQ(first.rules.info("shared-id")->message, "first");
}

TEST(RuleLoader, KeepsOnlyOneRuleWhenAskedForOnlyOneId) {
  RuleSet set = RuleSet::load_string(std::string(kHeader) + "tokens: [refund]\n", "rule-a.yml").rules;
  set.merge(RuleSet::load_string(std::string(kHeader) + "tokens: [credit]\n", "rule-b.yml").rules);
  ASSERT_EQ(set.size(), 2u);
  const RuleSet only = set.only("rule-b");
  EXPECT_EQ(only.size(), 1u);
  EXPECT_TRUE(only.contains("rule-b"));
  EXPECT_TRUE(set.only("rule-c").empty());
}

// The embedded pack is stored pre-parsed and skips the regex check that guards against bad files
// (FileTrust::builtin). These two tests are what makes that safe: rules/ loaded as a user's pack
// passes every check, and the embedded pack is the same pack, finding the same spans.
TEST(BuiltinPack, PassesEveryCheckWhenLoadedAsAUserPack) {
  const LoadResult checked = RuleSet::load_directory(std::filesystem::path(DRAFTLINT_SOURCE_DIR) / "rules");
  EXPECT_TRUE(checked.problems.empty()) << dump(checked.problems);
  EXPECT_EQ(checked.rules.size(), RuleSet::builtin().rules.size());
}

TEST(BuiltinPack, FindsWhatTheCheckedLoadFindsWhenEmbedded) {
  const LoadResult checked = RuleSet::load_directory(std::filesystem::path(DRAFTLINT_SOURCE_DIR) / "rules");
  const LoadResult builtin = RuleSet::builtin();
  ASSERT_TRUE(builtin.problems.empty()) << dump(builtin.problems);
  const auto checked_info = checked.rules.info();
  const auto builtin_info = builtin.rules.info();
  ASSERT_EQ(builtin_info.size(), checked_info.size());
  std::string examples;
  for (std::size_t i = 0; i < builtin_info.size(); ++i) {
    EXPECT_EQ(builtin_info[i].id, checked_info[i].id);
    EXPECT_EQ(builtin_info[i].kind, checked_info[i].kind) << builtin_info[i].id;
    EXPECT_EQ(builtin_info[i].message, checked_info[i].message) << builtin_info[i].id;
    EXPECT_EQ(builtin_info[i].severity, checked_info[i].severity) << builtin_info[i].id;
    EXPECT_EQ(builtin_info[i].scope, checked_info[i].scope) << builtin_info[i].id;
    EXPECT_EQ(builtin_info[i].description, checked_info[i].description) << builtin_info[i].id;
    EXPECT_EQ(builtin_info[i].link, checked_info[i].link) << builtin_info[i].id;
    EXPECT_EQ(builtin_info[i].bad_examples, checked_info[i].bad_examples) << builtin_info[i].id;
    EXPECT_EQ(builtin_info[i].good_examples, checked_info[i].good_examples) << builtin_info[i].id;
    for (const auto& text : checked_info[i].bad_examples) examples += text + "\n\n";
    for (const auto& text : checked_info[i].good_examples) examples += text + "\n\n";
  }
  const auto builtin_linter = draftlint::Linter::compile(builtin.rules).linter;
  const auto checked_linter = draftlint::Linter::compile(checked.rules).linter;
  ASSERT_TRUE(builtin_linter && checked_linter);
  const auto from_builtin = builtin_linter->lint(examples);
  const auto from_checked = checked_linter->lint(examples);
  ASSERT_EQ(from_builtin.size(), from_checked.size());
  EXPECT_FALSE(from_builtin.empty());
  for (std::size_t i = 0; i < from_builtin.size(); ++i) {
    EXPECT_EQ(from_builtin[i].rule, from_checked[i].rule) << i;
    EXPECT_EQ(from_builtin[i].offset, from_checked[i].offset) << from_builtin[i].rule;
    EXPECT_EQ(from_builtin[i].length, from_checked[i].length) << from_builtin[i].rule;
  }
}
