// Linter::lint_in_place masks template syntax in the caller's text instead of a copy: it must
// give exactly the findings lint() gives, in the same order, and leave the text as it was.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

#include "linter_from_yaml.h"

namespace {

using draftlint::Diagnostic;
using draftlint::DocumentOptions;
using draftlint::InputFormat;
using draftlint::Linter;

std::shared_ptr<const Linter> build() {
  return linter_from_yaml({
      {"kind: existence\nmessage: \"Own it: '{match}'.\"\nseverity: warning\ntokens: [our courier, rest assured]\n",
       "blame.yml"},
      // Overlaps the other rules' spans, so equal offsets are ordered by rule id.
      {"kind: existence\nmessage: m\nseverity: error\npatterns: ['\\b(?:our|rest|prior)\\b']\n", "aaa-word.yml"},
      {"kind: substitution\nmessage: \"Use '{replacement}'.\"\nseverity: suggestion\nswap:\n  prior to: before\n",
       "wordy.yml"},
      {"kind: required\nmessage: Say when.\nseverity: warning\nscope: paragraph\npatterns: ['@time']\n",
       "timeline.yml"},
  });
}

std::string describe(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) {
    out += d.rule + "@" + std::to_string(d.offset) + "+" + std::to_string(d.length) + " " +
           std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + "-" + std::to_string(d.end.line) +
           ":" + std::to_string(d.end.column) + " [" + d.match + "] " + d.message +
           (d.fix ? " fix=" + d.fix->replacement : "") + "\n";
  }
  return out;
}

// A notice with a BOM, every template syntax, CRLF and a non-ASCII column shift.
std::string notice(InputFormat format) {
  const std::string body =
      "Dear {{ customer.name }}, rest assured {% if vip %}our courier{% endif %} is {order_id}.\r\n"
      "Caf\u00E9 {{{ raw }}} prior to %s noon, our courier {# note #} said %(name)s.\n\n"
      "Rest assured: our courier {{!-- x --}} arrives {delivery_date}. Prior to that, rest assured.\n";
  const std::string bom = "\xEF\xBB\xBF";
  if (format == InputFormat::html) return bom + "<p>" + body + "</p>\n";
  return bom + body;
}

TEST(LintInPlace, GivesTheFindingsOfLintAndRestoresTheText) {
  const auto linter = build();
  ASSERT_TRUE(linter);
  for (InputFormat format : {InputFormat::text, InputFormat::markdown, InputFormat::html}) {
    SCOPED_TRACE(std::string(draftlint::to_string(format)));
    DocumentOptions options;
    options.format = format;
    const std::string original = notice(format);
    const std::vector<Diagnostic> expected = linter->lint(original, options);
    ASSERT_GE(expected.size(), 8u);

    std::string text = original;
    const std::vector<Diagnostic> found = linter->lint_in_place(text, options);
    EXPECT_EQ(text, original);
    EXPECT_EQ(describe(found), describe(expected));
  }
}

TEST(LintInPlace, LeavesATextWithoutTemplatesUntouched) {
  const auto linter = build();
  ASSERT_TRUE(linter);
  const std::string original = "Rest assured, our courier is late.\n";
  std::string text = original;
  EXPECT_EQ(describe(linter->lint_in_place(text)), describe(linter->lint(original)));
  EXPECT_EQ(text, original);
}

// Many findings of several rules at shared offsets: sorted by offset, then rule id, each one
// intact after being moved into place.
TEST(LintOrder, SortsManyFindingsByOffsetThenRule) {
  const auto linter = build();
  ASSERT_TRUE(linter);
  std::string text;
  for (int i = 0; i < 300; ++i) text += i % 2 ? "Prior to noon our courier came. " : "Rest assured, our courier is late.\n";
  const std::vector<Diagnostic> found = linter->lint(text);
  ASSERT_GT(found.size(), 900u);
  EXPECT_TRUE(std::is_sorted(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.rule < b.rule;
  }));
  for (const Diagnostic& d : found) {
    ASSERT_EQ(d.match, text.substr(d.offset, d.length)) << d.rule << "@" << d.offset;
    ASSERT_FALSE(d.message.empty()) << d.rule << "@" << d.offset;
  }
  // The word rule, the phrase rule and the paragraph's missing time all start at offset 0.
  ASSERT_EQ(std::count_if(found.begin(), found.end(), [](const Diagnostic& d) { return d.offset == 0; }), 3);
  EXPECT_EQ(found[0].rule, "aaa-word");
  EXPECT_EQ(found[1].rule, "blame");
  EXPECT_EQ(found[2].rule, "timeline");
}

}  // namespace

namespace {

std::string collect_each(const Linter& linter, std::string& text, const DocumentOptions& options) {
  std::vector<Diagnostic> found;
  linter.lint_in_place(text, options, [&](Diagnostic&& d) { found.push_back(std::move(d)); });
  return describe(found);
}

TEST(LintInPlaceEach, HandsOverTheFindingsOfLintInTheSameOrder) {
  const auto linter = build();
  ASSERT_TRUE(linter);
  for (InputFormat format : {InputFormat::text, InputFormat::markdown, InputFormat::html}) {
    for (bool unused : {false, true}) {
      SCOPED_TRACE(std::string(draftlint::to_string(format)) + (unused ? " reporting unused disables" : ""));
      DocumentOptions options;
      options.format = format;
      options.report_unused_disables = unused;
      const std::string disable = format == InputFormat::text ? "draftlint-disable-next-line blame\n"
                                                              : "<!-- draftlint-disable-next-line blame -->\n";
      const std::string unused_disable = format == InputFormat::text ? "draftlint-disable-next-line wordy\n"
                                                                     : "<!-- draftlint-disable-next-line wordy -->\n";
      std::string original = notice(format);
      original += "\n" + disable + "Rest assured, our courier is late.\n" + unused_disable + "Our courier.\n";
      const std::string expected = describe(linter->lint(original, options));
      ASSERT_NE(expected.find("aaa-word"), std::string::npos);
      EXPECT_EQ(expected.find("unused-disable") != std::string::npos, unused);

      std::string text = original;
      EXPECT_EQ(collect_each(*linter, text, options), expected);
      EXPECT_EQ(text, original);
    }
  }
}

TEST(LintInPlaceEach, LetsEachReadTheRestoredText) {
  const auto linter = build();
  ASSERT_TRUE(linter);
  const std::string original = "Dear {{ name }}, rest assured {order_id} is with our courier.\n";
  std::string text = original;
  std::size_t calls = 0;
  linter->lint_in_place(text, {}, [&](Diagnostic&& d) {
    ++calls;
    EXPECT_EQ(text, original);
    EXPECT_EQ(text.substr(d.offset, d.length), d.match);
  });
  EXPECT_GE(calls, 3u);
}

}  // namespace
