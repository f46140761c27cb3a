// Suppression comments in the document (see docs/configuration.md, "Suppressions"):
//   <!-- draftlint-disable a, b --> … <!-- draftlint-enable -->, <!-- draftlint-disable-next-line a -->
//   (Markdown, HTML); {# draftlint-disable … #}, {{! … }} (any template); a line
//   "draftlint-disable …" (plain text). No rule named: every rule. A disable without an enable
//   lasts to the end. report_unused_disables: an `unused-disable` warning at each suppression
//   comment that silenced nothing.
//
// Probe rules: rule-a finds "alpha", rule-b "beta", rule-c "gamma".
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

namespace {

using draftlint::Diagnostic;
using draftlint::DocumentOptions;
using draftlint::InputFormat;
using draftlint::Linter;
using draftlint::RuleSet;

std::shared_ptr<const Linter> probes() {
  static const std::shared_ptr<const Linter> linter = [] {
    RuleSet set;
    for (const auto& [id, word] : {std::pair{"rule-a", "alpha"}, std::pair{"rule-b", "beta"}, std::pair{"rule-c", "gamma"}}) {
      const auto loaded = RuleSet::load_string(
          std::string("kind: existence\nmessage: m\nseverity: warning\ntokens: [") + word + "]\n",
          std::string(id) + ".yml");
      for (const auto& p : loaded.problems) ADD_FAILURE() << p.to_string();
      set.merge(loaded.rules);
    }
    const auto compiled = Linter::compile(set);
    for (const auto& p : compiled.problems) ADD_FAILURE() << p.to_string();
    return compiled.linter;
  }();
  return linter;
}

// "rule L:C-L:C match" per finding.
std::string show(const std::vector<Diagnostic>& ds, std::string_view text) {
  const draftlint::LineIndex lines(text);
  std::string out;
  for (const Diagnostic& d : ds) {
    if (d.offset + d.length <= text.size()) {
      EXPECT_EQ(d.match, text.substr(d.offset, d.length)) << d.rule;
      EXPECT_EQ(d.start, lines.position(d.offset)) << d.rule;
      EXPECT_EQ(d.end, lines.position(d.offset + d.length)) << d.rule;
    } else {
      ADD_FAILURE() << d.rule << " past the end";
    }
    out += d.rule + " " + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + "-" +
           std::to_string(d.end.line) + ":" + std::to_string(d.end.column) + " " + d.match + "\n";
  }
  return out;
}

std::string lint(std::string_view text, InputFormat format, bool report_unused = false) {
  const auto linter = probes();
  if (!linter) return "<no linter>";
  DocumentOptions options;
  options.format = format;
  options.report_unused_disables = report_unused;
  return show(linter->lint(text, options), text);
}

}  // namespace

TEST(Suppressions, MarkdownDisablesNamedRulesUntilEnable) {
  const std::string text =
      "alpha beta gamma\n"
      "\n"
      "<!-- draftlint-disable rule-a, rule-b -->\n"
      "\n"
      "alpha beta gamma\n"
      "\n"
      "<!-- draftlint-enable -->\n"
      "\n"
      "alpha beta gamma\n";
  EXPECT_EQ(lint(text, InputFormat::markdown),
            "rule-a 1:1-1:6 alpha\nrule-b 1:7-1:11 beta\nrule-c 1:12-1:17 gamma\n"
            "rule-c 5:12-5:17 gamma\n"
            "rule-a 9:1-9:6 alpha\nrule-b 9:7-9:11 beta\nrule-c 9:12-9:17 gamma\n");
}

TEST(Suppressions, HtmlDisablesNamedRulesUntilEnable) {
  const std::string text =
      "<p>alpha beta gamma</p>\n"
      "<!-- draftlint-disable rule-a,rule-b -->\n"
      "<p>alpha beta gamma</p>\n"
      "<!--draftlint-enable-->\n"
      "<p>alpha beta gamma</p>\n";
  EXPECT_EQ(lint(text, InputFormat::html),
            "rule-a 1:4-1:9 alpha\nrule-b 1:10-1:14 beta\nrule-c 1:15-1:20 gamma\n"
            "rule-c 3:15-3:20 gamma\n"
            "rule-a 5:4-5:9 alpha\nrule-b 5:10-5:14 beta\nrule-c 5:15-5:20 gamma\n");
}

TEST(Suppressions, HtmlDisableStartsAfterTheComment) {
  const std::string text = "<p>alpha <!-- draftlint-disable rule-a --> alpha</p>\n<p>alpha</p>\n";
  EXPECT_EQ(lint(text, InputFormat::html), "rule-a 1:4-1:9 alpha\n");
}

TEST(Suppressions, MarkdownDisableNextLineSilencesOnlyTheNextLine) {
  const std::string text =
      "<!-- draftlint-disable-next-line rule-a -->\n"
      "alpha beta\n"
      "alpha beta\n";
  EXPECT_EQ(lint(text, InputFormat::markdown),
            "rule-b 2:7-2:11 beta\n"
            "rule-a 3:1-3:6 alpha\nrule-b 3:7-3:11 beta\n");
}

TEST(Suppressions, HtmlDisableNextLineSilencesOnlyTheNextLine) {
  const std::string text =
      "<p>alpha</p>\r\n"
      "<!-- draftlint-disable-next-line rule-a -->\r\n"
      "<p>alpha beta</p>\r\n"
      "<p>alpha beta</p>\r\n";
  EXPECT_EQ(lint(text, InputFormat::html),
            "rule-a 1:4-1:9 alpha\n"
            "rule-b 3:10-3:14 beta\n"
            "rule-a 4:4-4:9 alpha\nrule-b 4:10-4:14 beta\n");
}

TEST(Suppressions, TemplateCommentsWorkInText) {
  const std::string text =
      "alpha beta\n"
      "{# draftlint-disable rule-b #}\n"
      "alpha beta\n"
      "{# draftlint-enable rule-b #}\n"
      "alpha beta\n"
      "{{! draftlint-disable-next-line }}\n"
      "alpha beta\n"
      "alpha beta\n";
  EXPECT_EQ(lint(text, InputFormat::text),
            "rule-a 1:1-1:6 alpha\nrule-b 1:7-1:11 beta\n"
            "rule-a 3:1-3:6 alpha\n"
            "rule-a 5:1-5:6 alpha\nrule-b 5:7-5:11 beta\n"
            "rule-a 8:1-8:6 alpha\nrule-b 8:7-8:11 beta\n");
}

TEST(Suppressions, TemplateCommentsWorkInHtmlAndMarkdown) {
  EXPECT_EQ(lint("<p>alpha</p>\n{# draftlint-disable #}\n<p>alpha beta</p>\n", InputFormat::html),
            "rule-a 1:4-1:9 alpha\n");
  EXPECT_EQ(lint("alpha\n\n{{!-- draftlint-disable rule-a --}}\n\nalpha beta\n", InputFormat::markdown),
            "rule-a 1:1-1:6 alpha\n"
            "rule-b 5:7-5:11 beta\n");
  EXPECT_EQ(lint("Note: {%- if x -%}alpha{%- endif -%}\n\n{#- draftlint-disable-next-line rule-a -#}\nalpha beta\n",
                 InputFormat::markdown),
            "rule-a 1:19-1:24 alpha\n"
            "rule-b 4:7-4:11 beta\n");
}

TEST(Suppressions, PlainTextLinesWork) {
  const std::string text =
      "alpha beta\n"
      "draftlint-disable rule-a\n"
      "alpha beta\n"
      "draftlint-enable\n"
      "alpha beta\n"
      "  draftlint-disable-next-line\n"
      "alpha beta\n"
      "alpha beta\n";
  EXPECT_EQ(lint(text, InputFormat::text),
            "rule-a 1:1-1:6 alpha\nrule-b 1:7-1:11 beta\n"
            "rule-b 3:7-3:11 beta\n"
            "rule-a 5:1-5:6 alpha\nrule-b 5:7-5:11 beta\n"
            "rule-a 8:1-8:6 alpha\nrule-b 8:7-8:11 beta\n");
}

TEST(Suppressions, PlainTextLinesWorkWithCrlf) {
  const std::string text =
      "draftlint-disable rule-a, rule-c\r\n"
      "alpha beta gamma\r\n"
      "draftlint-enable\r\n"
      "draftlint-disable-next-line rule-b\r\n"
      "alpha beta\r\n"
      "beta\r\n";
  EXPECT_EQ(lint(text, InputFormat::text),
            "rule-b 2:7-2:11 beta\n"
            "rule-a 5:1-5:6 alpha\n"
            "rule-b 6:1-6:5 beta\n");
}

TEST(Suppressions, WithNoRuleNamedSilencesEveryRule) {
  EXPECT_EQ(lint("<!-- draftlint-disable -->\nalpha beta gamma\n<!-- draftlint-enable -->\nalpha\n", InputFormat::markdown),
            "rule-a 4:1-4:6 alpha\n");
  EXPECT_EQ(lint("alpha\n<!-- draftlint-disable-next-line -->\n<p>alpha beta gamma</p>\n", InputFormat::html),
            "rule-a 1:1-1:6 alpha\n");
}

TEST(Suppressions, DisableWithoutEnableLastsToTheEnd) {
  std::string text = "alpha\n\n<!-- draftlint-disable rule-a -->\n";
  for (int i = 0; i < 50; ++i) text += "\nalpha beta\n";
  const std::string out = lint(text, InputFormat::markdown);
  EXPECT_EQ(out.find("rule-a 1:1-1:6 alpha\n"), 0u) << out;
  EXPECT_EQ(out.find("rule-a", 1), std::string::npos) << out;
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 51) << out;  // alpha on line 1, then 50 betas
}

TEST(Suppressions, EnableNamingOneRuleEndsOnlyThatRulesDisable) {
  const std::string text =
      "<!-- draftlint-disable rule-a -->\n"
      "<!-- draftlint-disable rule-b -->\n"
      "alpha beta\n"
      "<!-- draftlint-enable rule-a -->\n"
      "alpha beta\n";
  EXPECT_EQ(lint(text, InputFormat::markdown), "rule-a 5:1-5:6 alpha\n");
}

// docs: "an enable that names rules ends only the disables for those rules" — rule-b's stays.
TEST(Suppressions, EnableNamingOneRuleOfAListKeepsTheOtherRulesDisabled) {
  const std::string text =
      "<!-- draftlint-disable rule-a, rule-b -->\n"
      "alpha beta\n"
      "<!-- draftlint-enable rule-a -->\n"
      "alpha beta\n";
  EXPECT_EQ(lint(text, InputFormat::markdown), "rule-a 4:1-4:6 alpha\n");
}

TEST(Suppressions, EnableNamingOneRuleAfterDisableAllKeepsTheOtherRulesDisabled) {
  const std::string text =
      "<!-- draftlint-disable -->\n"
      "alpha beta\n"
      "<!-- draftlint-enable rule-a -->\n"
      "alpha beta\n";
  EXPECT_EQ(lint(text, InputFormat::markdown), "rule-a 4:1-4:6 alpha\n");
}

TEST(Suppressions, ReportsUnusedDisablesAtTheComment) {
  const std::string text =
      "<!-- draftlint-disable rule-c -->\n"
      "\n"
      "alpha\n"
      "\n"
      "<!-- draftlint-disable-next-line rule-a -->\n"
      "alpha\n"
      "<!-- draftlint-disable-next-line rule-b -->\n"
      "alpha\n"
      "<!-- draftlint-enable -->\n";
  EXPECT_EQ(lint(text, InputFormat::markdown),
            "rule-a 3:1-3:6 alpha\n"
            "rule-a 8:1-8:6 alpha\n");
  EXPECT_EQ(lint(text, InputFormat::markdown, true),
            "unused-disable 1:1-1:34 <!-- draftlint-disable rule-c -->\n"
            "rule-a 3:1-3:6 alpha\n"
            "unused-disable 7:1-7:44 <!-- draftlint-disable-next-line rule-b -->\n"
            "rule-a 8:1-8:6 alpha\n");
  DocumentOptions options;
  options.format = InputFormat::markdown;
  options.report_unused_disables = true;
  const auto ds = probes()->lint(text, options);
  ASSERT_FALSE(ds.empty());
  EXPECT_EQ(ds[0].rule, draftlint::kUnusedDisableRule);
  EXPECT_EQ(ds[0].severity, draftlint::Severity::warning);
  EXPECT_FALSE(ds[0].message.empty());
  EXPECT_FALSE(ds[0].fix.has_value());
}

TEST(Suppressions, ReportsNoUnusedDisableForOneThatSilencedSomething) {
  const std::string text = "<p>alpha</p>\n<!-- draftlint-disable -->\n<p>alpha</p>\n";
  EXPECT_EQ(lint(text, InputFormat::html, true), "rule-a 1:4-1:9 alpha\n");
}

TEST(Suppressions, ReportsUnusedTemplateAndTextDirectives) {
  EXPECT_EQ(lint("{# draftlint-disable rule-b #}\nalpha\n", InputFormat::text, true),
            "unused-disable 1:1-1:31 {# draftlint-disable rule-b #}\n"
            "rule-a 2:1-2:6 alpha\n");
  EXPECT_EQ(lint("Hi.\n{{! draftlint-disable-next-line rule-a }}\nbeta\n", InputFormat::text, true),
            "unused-disable 2:1-2:42 {{! draftlint-disable-next-line rule-a }}\n"
            "rule-b 3:1-3:5 beta\n");
  EXPECT_EQ(lint("draftlint-disable rule-b\nalpha\n", InputFormat::text, true),
            "unused-disable 1:1-1:25 draftlint-disable rule-b\n"
            "rule-a 2:1-2:6 alpha\n");
}

TEST(Suppressions, UnusedTextDirectiveSpanExcludesTheCarriageReturn) {
  EXPECT_EQ(lint("draftlint-disable rule-b\r\nalpha\r\n", InputFormat::text, true),
            "unused-disable 1:1-1:25 draftlint-disable rule-b\n"
            "rule-a 2:1-2:6 alpha\n");
}
