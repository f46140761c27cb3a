// Severity names and Problem formatting.
#include <string>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

using draftlint::Problem;
using draftlint::Severity;

TEST(Diagnostic, NamesSeverityWhenConvertedToString) {
  EXPECT_EQ(draftlint::to_string(Severity::suggestion), "suggestion");
  EXPECT_EQ(draftlint::to_string(Severity::warning), "warning");
  EXPECT_EQ(draftlint::to_string(Severity::error), "error");
}

TEST(Diagnostic, ParsesSeverityOnlyWhenNameIsExactLowerCase) {
  EXPECT_EQ(draftlint::parse_severity("suggestion"), Severity::suggestion);
  EXPECT_EQ(draftlint::parse_severity("warning"), Severity::warning);
  EXPECT_EQ(draftlint::parse_severity("error"), Severity::error);
  EXPECT_EQ(draftlint::parse_severity("Error"), std::nullopt);
  EXPECT_EQ(draftlint::parse_severity("warn"), std::nullopt);
  EXPECT_EQ(draftlint::parse_severity(""), std::nullopt);
}

TEST(Diagnostic, OrdersSeveritiesWhenCompared) {
  EXPECT_LT(Severity::suggestion, Severity::warning);
  EXPECT_LT(Severity::warning, Severity::error);
}

TEST(Diagnostic, PrintsKnownPartsWhenProblemIsFormatted) {
  EXPECT_EQ((Problem{"rules/x.yml", 3, 7, "bad"}).to_string(), "rules/x.yml:3:7: bad");
  EXPECT_EQ((Problem{"rules/x.yml", 3, 0, "bad"}).to_string(), "rules/x.yml:3: bad");
  EXPECT_EQ((Problem{"rules/x.yml", 0, 0, "bad"}).to_string(), "rules/x.yml: bad");
  EXPECT_EQ((Problem{"", 0, 0, "select: no rule named 'x'"}).to_string(), "select: no rule named 'x'");
}
