// check_examples: a rule's bad examples must fire it and its good examples must not; the
// built-in pack holds itself to that.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

namespace {

using draftlint::ExampleFailure;
using draftlint::RuleSet;

RuleSet rule(const std::string& yaml, const std::string& file) {
  const auto loaded = RuleSet::load_string(yaml, file);
  for (const auto& p : loaded.problems) ADD_FAILURE() << p.to_string();
  return loaded.rules;
}

}  // namespace

TEST(Examples, ReportsNothingWhenExamplesBehave) {
  const RuleSet r = rule(
      "kind: existence\nmessage: m\nseverity: warning\ntokens: [rest assured]\n"
      "examples:\n  bad: [\"Rest assured, it works.\", \"You can rest assured.\"]\n"
      "  good: [\"It works now.\"]\n",
      "good-examples.yml");
  EXPECT_TRUE(draftlint::check_examples(r).empty());
}

TEST(Examples, ReportsBothFailuresWhenBadExampleIsSilentAndGoodExampleFires) {
  const RuleSet r = rule(
      "kind: existence\nmessage: \"Drop '{match}'.\"\nseverity: warning\ntokens: [rest assured]\n"
      "examples:\n"
      "  bad:\n"
      "    - \"Rest assured, it works.\"\n"
      "    - \"We fixed it.\"\n"
      "  good:\n"
      "    - \"It works.\"\n"
      "    - \"It works now.\"\n"
      "    - \"Please rest assured.\"\n",
      "wrong-examples.yml");
  const std::vector<ExampleFailure> failures = draftlint::check_examples(r);
  ASSERT_EQ(failures.size(), 2u);
  const auto bad = std::find_if(failures.begin(), failures.end(), [](const ExampleFailure& f) { return f.bad; });
  const auto good = std::find_if(failures.begin(), failures.end(), [](const ExampleFailure& f) { return !f.bad; });
  ASSERT_NE(bad, failures.end());
  ASSERT_NE(good, failures.end());
  EXPECT_EQ(bad->rule, "wrong-examples");
  EXPECT_EQ(bad->index, 2);
  EXPECT_EQ(bad->text, "We fixed it.");
  EXPECT_EQ(good->rule, "wrong-examples");
  EXPECT_EQ(good->index, 3);
  EXPECT_EQ(good->text, "Please rest assured.");
  EXPECT_NE(good->detail.find("rest assured"), std::string::npos) << good->detail;
}

TEST(Examples, ChecksEachRuleAloneWhenSetHasSeveralRules) {
  // rule-one's good example contains rule-two's token: only rule-one runs on it.
  RuleSet set = rule(
      "kind: existence\nmessage: m\nseverity: warning\ntokens: [alpha]\n"
      "examples:\n  bad: [\"alpha\"]\n  good: [\"beta\"]\n",
      "rule-one.yml");
  set.merge(rule(
      "kind: existence\nmessage: m\nseverity: warning\ntokens: [beta]\n"
      "examples:\n  bad: [\"gamma\"]\n  good: [\"delta\"]\n",
      "rule-two.yml"));
  const auto failures = draftlint::check_examples(set);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].rule, "rule-two");
  EXPECT_TRUE(failures[0].bad);
  EXPECT_EQ(failures[0].index, 1);
}

TEST(Examples, ChecksFixRulesWhenRuleIsSubstitution) {
  const RuleSet r = rule(
      "kind: substitution\nmessage: \"Use '{replacement}'.\"\nseverity: suggestion\n"
      "swap:\n  prior to: before\n"
      "examples:\n  bad: [\"Prior to noon.\", \"Call us.\"]\n  good: [\"Before noon.\"]\n",
      "wordy.yml");
  const auto failures = draftlint::check_examples(r);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_TRUE(failures[0].bad);
  EXPECT_EQ(failures[0].index, 2);
}

TEST(BuiltinPack, LoadsWithoutProblemsWhenEmbedded) {
  const auto loaded = RuleSet::builtin();
  for (const auto& p : loaded.problems) ADD_FAILURE() << p.to_string();
  EXPECT_FALSE(loaded.rules.empty());
}

TEST(BuiltinPack, HasCoreRulesWhenLoaded) {
  const auto loaded = RuleSet::builtin();
  for (const char* id : {"blame-shifting", "platitude", "non-apology", "minimizing", "hedged-commitment"}) {
    EXPECT_TRUE(loaded.rules.contains(id)) << id;
  }
}

TEST(BuiltinPack, HasDescriptionAndThreeExamplesEachWhenLoaded) {
  const auto loaded = RuleSet::builtin();
  for (const auto& info : loaded.rules.info()) {
    EXPECT_FALSE(info.description.empty()) << info.id;
    EXPECT_FALSE(info.message.empty()) << info.id;
    EXPECT_GE(info.bad_examples.size(), 3u) << info.id;
    EXPECT_GE(info.good_examples.size(), 3u) << info.id;
    EXPECT_EQ(info.origin, "builtin:" + info.id + ".yml") << info.id;
  }
}

TEST(BuiltinPack, CompilesWithoutProblemsWhenLoaded) {
  const auto loaded = RuleSet::builtin();
  const auto compiled = draftlint::Linter::compile(loaded.rules);
  for (const auto& p : compiled.problems) ADD_FAILURE() << p.to_string();
  ASSERT_TRUE(compiled.linter);
  EXPECT_EQ(compiled.linter->rules().size(), loaded.rules.size());
}
