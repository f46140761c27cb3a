// The named recognizers (@time, @vague-time) and how rule files refer to them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <draftlint/draftlint.hpp>

namespace {

std::shared_ptr<const draftlint::Linter> linter_for(const std::string& recognizer) {
  const std::string yaml = "kind: existence\nseverity: warning\nmessage: \"{match}\"\npatterns: ['@" + recognizer + "']\n";
  draftlint::LoadResult loaded = draftlint::RuleSet::load_string(yaml, "probe.yml");
  EXPECT_TRUE(loaded.ok()) << (loaded.problems.empty() ? "" : loaded.problems.front().to_string());
  return draftlint::Linter::compile(loaded.rules).linter;
}

// The matched texts, joined with '|'.
std::string matches(const draftlint::Linter& linter, const std::string& text) {
  std::string out;
  for (const auto& d : linter.lint(text)) out += (out.empty() ? "" : "|") + d.match;
  return out;
}

class TimeRecognizer : public ::testing::Test {
 protected:
  void SetUp() override { linter_ = linter_for("time"); ASSERT_TRUE(linter_); }
  bool finds(const std::string& text) { return !linter_->lint(text).empty(); }
  std::shared_ptr<const draftlint::Linter> linter_;
};

TEST_F(TimeRecognizer, FindsDatesInCommonForms) {
  for (const char* text : {"It ships March 3.", "It ships on 3 March 2026.", "It ships Mar. 3rd.",
                           "It ships 2026-03-03.", "It ships 03/03/2026.", "Fixed by March 3rd, 2026."}) {
    EXPECT_TRUE(finds(text)) << text;
  }
}

TEST_F(TimeRecognizer, FindsWeekdaysClockTimesAndDeadlines) {
  for (const char* text : {"We will fix it by Friday.", "Expect news on Monday.", "Next update at 15:00 UTC.",
                           "We call you at 3 pm ET.", "Back by 9:30am.", "Refunds arrive within 48 hours.",
                           "It ships in two business days.", "Refunds take 2 business days.", "Done by end of day.", "We post again over the next week.",
                           "Reply no later than the 5th.", "It ships tomorrow.", "We will call this afternoon.",
                           "Orders lock next week.", "Down from 10:00 to 11:30 UTC."}) {
    EXPECT_TRUE(finds(text)) << text;
  }
}

TEST_F(TimeRecognizer, IgnoresVagueWordsAndNonTimes) {
  for (const char* text : {"We will fix it soon.", "Our team works 24/7.", "We may be able to help.",
                           "Version 2.5 is out.", "Over the past two days we saw errors."}) {
    EXPECT_FALSE(finds(text)) << text << " -> " << matches(*linter_, text);
  }
}

TEST_F(TimeRecognizer, IgnoresDatelinesStampsAndBusinessHours) {
  for (const char* text : {"Posted March 3, 2026\n\nThe site was down.", "Date: 3 March 2026\nThe site was down.",
                           "5:31 PM PDT\n\nWe are looking into it.", "March 3, 2026\n\nThe site was down.",
                           "Call us Monday to Friday, 8AM - 6PM CST.",
                           "Starting at around 6:20 PM EST on February 4th, customers saw errors.",
                           "Check the use-by date of October 14, 2018."}) {
    EXPECT_FALSE(finds(text)) << text << " -> " << matches(*linter_, text);
  }
}

TEST(VagueTimeRecognizer, FindsVagueTimeButNotEventTiedTime) {
  auto linter = linter_for("vague-time");
  ASSERT_TRUE(linter);
  for (const char* text : {"We will fix it soon.", "Expect an update shortly.", "As soon as possible.", "ASAP.",
                           "A.S.A.P.", "In the near future.", "In due course.", "At a later date.",
                           "In the coming days."}) {
    EXPECT_FALSE(linter->lint(text).empty()) << text;
  }
  EXPECT_TRUE(linter->lint("We email you as soon as your order ships.").empty());
}

TEST(RecognizerReference, UnknownNameIsAnErrorListingTheKnownOnes) {
  const std::string yaml = "kind: existence\nseverity: warning\nmessage: m\npatterns: ['@nope']\n";
  const auto loaded = draftlint::RuleSet::load_string(yaml, "r.yml");
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_NE(loaded.problems[0].message.find("unknown recognizer '@nope'"), std::string::npos);
  EXPECT_NE(loaded.problems[0].message.find("@time"), std::string::npos);
  EXPECT_EQ(loaded.problems[0].line, 4);
}

TEST(RecognizerReference, PackRecognizersLoadFromTheRecognizersFolder) {
  const auto dir = std::filesystem::temp_directory_path() / "draftlint-recognizer-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "recognizers");
  std::ofstream(dir / "recognizers" / "fruit.yml") << "tokens: [apple, pear]\nexceptions: ['apple pie']\n";
  std::ofstream(dir / "no-fruit.yml") << "kind: existence\nseverity: warning\nmessage: m\npatterns: ['@fruit']\n";
  const auto loaded = draftlint::RuleSet::load_directory(dir);
  ASSERT_TRUE(loaded.ok()) << loaded.problems.front().to_string();
  const auto linter = draftlint::Linter::compile(loaded.rules).linter;
  ASSERT_TRUE(linter);
  const auto ds = linter->lint("An apple, an apple pie and a pear.");
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].match, "apple");
  EXPECT_EQ(ds[1].match, "pear");
  std::filesystem::remove_all(dir);
}

}  // namespace
