// Literal filters read from a regex's text (lib/src/compile/literal_filter.h): what they need,
// where they give up, and above all that a text the regex matches always holds its filter.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <draftlint/draftlint.hpp>

#include "compile/literal_filter.h"
#include "compile/literal_text.h"
#include "kinds/kind.h"
#include "rules/pattern_syntax.h"
#include "rules/rule.h"

namespace {

using draftlint::detail::literal_filter;
using draftlint::detail::LiteralFormula;

// The filter written out: "lit", all(a, b), any(a, b); "-" when there is none.
std::string show(const std::optional<LiteralFormula>& f) {
  if (!f) return "-";
  if (f->kind == LiteralFormula::literal) return f->text;
  std::string out = f->kind == LiteralFormula::all ? "all(" : "any(";
  for (std::size_t i = 0; i < f->parts.size(); ++i) out += (i ? ", " : "") + show(f->parts[i]);
  return out + ")";
}

std::string filter_of(std::string_view regex) { return show(literal_filter(regex)); }

bool holds(const LiteralFormula& f, std::string_view folded) {
  switch (f.kind) {
    case LiteralFormula::literal: return folded.find(f.text) != std::string_view::npos;
    case LiteralFormula::all:
      for (const LiteralFormula& p : f.parts) {
        if (!holds(p, folded)) return false;
      }
      return true;
    case LiteralFormula::any:
      for (const LiteralFormula& p : f.parts) {
        if (holds(p, folded)) return true;
      }
      return false;
  }
  return false;
}

std::string folded(std::string_view text) {
  std::string out;
  draftlint::detail::fold_for_literals(text, out);
  return out;
}

TEST(LiteralFilter, APhraseNeedsItsWholeFoldedText) {
  using draftlint::detail::phrase_to_regex;
  EXPECT_EQ(filter_of(draftlint::detail::with_case(phrase_to_regex("We value your business"), true)),
            "we value your business");
  EXPECT_EQ(filter_of(phrase_to_regex("we’re sorry")), "we're sorry");
  EXPECT_EQ(filter_of(R"(Hello\x{A0}World\.)"), "hello world.");
}

TEST(LiteralFilter, SmallAlternativesAndOptionalLettersMultiplyOut) {
  EXPECT_EQ(filter_of(R"(\b(?:due to|because of) (?:our|the) suppliers?\b)"),
            "any(due to our supplier, due to the supplier, because of our supplier, because of the supplier)");
  EXPECT_EQ(filter_of("colou?r"), "any(color, colour)");
  EXPECT_EQ(filter_of("[Tt]he end"), "the end");
  EXPECT_EQ(filter_of("(?i)(?P<x>abc)d"), "abcd");
}

TEST(LiteralFilter, LongAlternationsBecomeAnOrAndSequencesAnAndOfTheSharpestParts) {
  EXPECT_EQ(filter_of("(?:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|omicron|pi|rho)"),
            "-");  // "mu" is too short to look for, so any text may match
  EXPECT_EQ(filter_of(R"(\b(?:alpha|beta|gamma|delta|epsilon|zeta|theta|iota|kappa|lambda|omicron|sigma|omega|upsilon|psi1|chi1|phi1) (?:x|y)\b)"),
            "any(alpha, beta, gamma, delta, epsilon, zeta, theta, iota, kappa, lambda, omicron, sigma, omega, "
            "upsilon, psi1, chi1, phi1)");
  // Three conjuncts: the two longest stay.
  EXPECT_EQ(filter_of(R"(apologize\w+ for the\s+inconvenience.*caused)"), "all(inconvenience, apologize)");
}

TEST(LiteralFilter, PiecesThatMayMatchNothingOrAnythingNeedNothing) {
  EXPECT_EQ(filter_of("abc*"), "-");           // "ab" is too short
  EXPECT_EQ(filter_of("(?:abcd)*x"), "-");
  EXPECT_EQ(filter_of("(?:abcd)+x"), "abcd");  // one copy at least
  EXPECT_EQ(filter_of("(?:abcd){0,3}"), "-");
  EXPECT_EQ(filter_of("(?:abcd){2,3}"), "abcd");
  EXPECT_EQ(filter_of("abc|.*"), "-");
  EXPECT_EQ(filter_of("[^x]+yyy"), "yyy");
  EXPECT_EQ(filter_of("[a-z]+ing"), "ing");
  EXPECT_EQ(filter_of("x{2}"), "-");
  EXPECT_EQ(filter_of("a{,2}bc"), "a{,2}bc");  // not a repeat: RE2 reads those braces literally
}

TEST(LiteralFilter, ShortStringsNeedTheirDigitsAndSymbols) {
  // Too short for the scanner, but far from every text holds an "@", a "%" or a digit.
  EXPECT_EQ(filter_of(R"([\w.]+@[\w.]+)"), "@");
  EXPECT_EQ(filter_of(R"(\bQ[1-4]\b)"), "any(1, 2, 3, 4)");
  EXPECT_EQ(filter_of(R"(\b[0-9]+%)"), "all(any(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), %)");
  EXPECT_EQ(filter_of(R"(\ba1\b)"), "1");
  EXPECT_EQ(filter_of(R"(\b1[ .-]?800\b)"), "any(1800, 1 800, 1-800, 1.800)");  // long enough: whole
  // Letters and common punctuation are in every paragraph: no filter.
  EXPECT_EQ(filter_of(R"((?i)\bno\b)"), "-");
  EXPECT_EQ(filter_of(R"(\b(?:a|an|1)\b)"), "-");  // one alternative needs nothing
  EXPECT_EQ(filter_of(R"(\w+\.\w+)"), "-");
}

TEST(LiteralFilter, CharactersTheFoldingKeepsEndALiteral) {
  // RE2 matches É for é under (?i), and the folding leaves both alone: neither can be required.
  EXPECT_EQ(filter_of("(?i)caf\u00E9 time"), "all( time, caf)");
  EXPECT_EQ(filter_of("(?i)na\\x{EF}ve approach"), "ve approach");
  // The few the folding does map are kept, as what they fold to.
  EXPECT_EQ(filter_of("it\u2019s \u212Aelvin"), "it's kelvin");
}

TEST(LiteralFilter, GivesUpOnWhatItDoesNotKnow) {
  EXPECT_EQ(filter_of(R"(\Qabc\E)"), "-");
  EXPECT_EQ(filter_of(R"(abc\1)"), "-");
  EXPECT_EQ(filter_of("(?<name>abc)"), "-");
  EXPECT_EQ(filter_of("(abc"), "-");
  EXPECT_EQ(filter_of("abc)"), "-");
  EXPECT_EQ(filter_of("[abc"), "-");
  EXPECT_EQ(filter_of("*abc"), "-");
  const auto nested = [](int depth) { return std::string(depth, '(') + "abc" + std::string(depth, ')'); };
  EXPECT_EQ(filter_of(nested(50)), "abc");
  EXPECT_EQ(filter_of(nested(2000)), "-");  // deeper than the reader goes
}

// Random regexes over a small alphabet, and random texts over it: whenever RE2 finds a match,
// the folded text holds the filter.
std::string random_regex(std::mt19937& rng, int depth) {
  static const std::vector<std::string> atoms{"a", "b", "c", "A", "B", " ", "ab", "abc", "bca", "cab", "\\.", ".",
                                              "[ab]", "[^a]", "[a-c]", "[Cc]", "\\s", "\\w", "\\b", "^", "$", "\\x{41}",
                                              "\u212A", "k", "\u2019", "'", "[\\s\\x{A0}]+", "['\u2018\u2019]", "\\t",
                                              "1", "[0-9]", "[1-3]", "@", "\\d", "a1"};
  std::uniform_int_distribution<int> pick(0, 9);
  std::string out;
  const int length = 1 + static_cast<int>(rng() % 5);
  for (int i = 0; i < length; ++i) {
    const int kind = pick(rng);
    if (kind < 2 && depth < 3) {
      const std::string opens[] = {"(", "(?:", "(?i:", "(?-i:", "(?P<n" + std::to_string(rng() % 1000) + ">"};
      out += opens[rng() % 5] + random_regex(rng, depth + 1);
      if (rng() % 2) out += "|" + random_regex(rng, depth + 1);
      out += ")";
    } else {
      out += atoms[rng() % atoms.size()];
    }
    static const std::vector<std::string> repeats{"", "", "", "", "?", "*", "+", "{2}", "{1,3}", "{0,2}", "??", "+?"};
    out += repeats[rng() % repeats.size()];
  }
  if (rng() % 4 == 0) out = "(?i)" + out;
  return out;
}

std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces{"a", "b", "c", "A", "B", "C", " ", "  ", "\n", "\t", ".", "k", "K",
                                               "\u212A", "'", "\u2019", "\u2018", "\u00A0", "abc", "bca", "cab", "x",
                                               "1", "2", "@", "a1"};
  std::string out;
  const int length = static_cast<int>(rng() % 24);
  for (int i = 0; i < length; ++i) out += pieces[rng() % pieces.size()];
  return out;
}

TEST(LiteralFilter, RandomRegexesNeverRejectATextTheyMatch) {
  std::mt19937 rng(20261206);
  RE2::Options options;
  options.set_log_errors(false);
  int filtered = 0, matched = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string regex = random_regex(rng, 0);
    const RE2 re(regex, options);
    if (!re.ok()) continue;
    const std::optional<LiteralFormula> filter = literal_filter(regex);
    if (!filter) continue;
    ++filtered;
    for (int t = 0; t < 60; ++t) {
      const std::string text = random_text(rng);
      if (!RE2::PartialMatch(text, re)) continue;
      ++matched;
      ASSERT_TRUE(holds(*filter, folded(text))) << "regex " << regex << " matches '" << text << "' but its filter "
                                                << show(filter) << " does not hold";
    }
  }
  EXPECT_GT(filtered, 300);  // the generator does produce filterable regexes
  EXPECT_GT(matched, 1000);  // and texts they match
}

// The built-in pack's patterns, on its own examples: the same check on real rules.
TEST(LiteralFilter, BuiltinPatternsNeverRejectTheirExamples) {
  const draftlint::RuleSet rules = draftlint::RuleSet::builtin().rules;
  std::vector<std::string> texts;
  std::vector<const draftlint::detail::Pattern*> patterns;
  for (const auto& rule : draftlint::detail::RuleSetAccess::rules(rules)) {
    texts.insert(texts.end(), rule->bad_examples.begin(), rule->bad_examples.end());
    texts.insert(texts.end(), rule->good_examples.begin(), rule->good_examples.end());
    for (const auto* list : {&rule->match, &rule->exceptions, &rule->not_before}) {
      for (const auto& p : *list) patterns.push_back(&p);
    }
  }
  int filtered = 0, checked = 0;
  for (const auto* p : patterns) {
    const std::optional<LiteralFormula> filter = literal_filter(p->regex);
    if (!filter) continue;
    ++filtered;
    for (const std::string& text : texts) {
      for (const std::string& variant : {text, std::string(text + " "), std::string("\u201C" + text + "\u201D")}) {
        if (!RE2::PartialMatch(variant, p->re->get())) continue;
        ++checked;
        EXPECT_TRUE(holds(*filter, folded(variant))) << p->regex << "\nfilter " << show(filter) << "\non: " << variant;
      }
    }
  }
  EXPECT_GT(filtered, static_cast<int>(patterns.size()) / 2);
  EXPECT_GT(checked, 300);
}

}  // namespace
