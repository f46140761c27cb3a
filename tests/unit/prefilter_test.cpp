// The literal prefilter gate (lib/src/compile/prefilter_gate.h): folding, the literal scanner,
// and above all that it never drops a pattern that matches, whatever the case, spacing or
// quotes of the text.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <iterator>
#include <sstream>
#include <thread>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <draftlint/draftlint.hpp>

#include "compile/builtin_prefilters.h"
#include "compile/lazy_regex.h"
#include "compile/literal_scanner.h"
#include "compile/literal_text.h"
#include "compile/pattern_table.h"
#include "kinds/kind.h"
#include "rules/pattern_syntax.h"
#include "rules/rule.h"

namespace {

namespace fs = std::filesystem;
using draftlint::detail::PatternTable;

std::string folded(std::string_view text) {
  std::string out;
  draftlint::detail::fold_for_literals(text, out);
  return out;
}

TEST(LiteralText, FoldsCaseSpaceRunsQuotesAndTheLettersRe2FoldsToAscii) {
  EXPECT_EQ(folded("We\u00A0 VALUE\n\tyour \u2018Business\u2019"), "we value your 'business'");
  EXPECT_EQ(folded("\u201CThan\u212A you\u201D, Mr \u017Fmith"), "\"thank you\", mr smith");
  EXPECT_EQ(folded("caf\u00C9 \u00E9t\u00E9"), "caf\u00C9 \u00E9t\u00E9");  // other letters unchanged
}

TEST(LiteralText, JoinPhrasesRewritesOnlyTheTranslatorsSpaceRunsAndQuoteClasses) {
  using draftlint::detail::join_phrases;
  EXPECT_EQ(join_phrases(R"((?i)\bwe[\s\x{A0}]+value\b)"), R"((?i)\bwe value\b)");
  EXPECT_EQ(join_phrases("(?i)\\bwe['\u2018\u2019]re\\b"), "(?i)\\bwe're\\b");
  EXPECT_EQ(join_phrases("say [\"\u201C\u201D]hi"), "say \"hi");
  // Whatever the translator writes for spaces and quotes is what gets joined.
  using draftlint::detail::phrase_to_regex;
  EXPECT_EQ(join_phrases(phrase_to_regex("we’re  “valued”")), "\\bwe're \"valued\"");
  EXPECT_EQ(join_phrases(R"(a\[\s\x{A0}]+b)"), R"(a\[\s\x{A0}]+b)");  // escaped: not a class
  EXPECT_EQ(join_phrases(R"([x[\s\x{A0}]+])"), R"([x[\s\x{A0}]+])");   // inside a class
}

TEST(LiteralScanner, ReportsEachLiteralThatOccursOnce) {
  const std::vector<std::string_view> literals{"abc", "abd", "bcd", "zzz", "abcdef"};
  const draftlint::detail::LiteralScanner scanner(literals);
  std::vector<unsigned char> seen(literals.size(), 0);
  std::vector<std::uint32_t> found;
  scanner.scan("xxabcd abc abcde", seen, found);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::uint32_t>{0, 2}));
  EXPECT_EQ(seen, (std::vector<unsigned char>{1, 0, 1, 0, 0}));
  found.clear();
  scanner.scan("ab", seen, found);  // shorter than any literal
  EXPECT_TRUE(found.empty());
}

TEST(LiteralScanner, FindsTellingBytesInAnyTextAndIgnoresOtherShortLiterals) {
  const std::vector<std::string_view> literals{"abc", "7", "@", "x", "ab"};
  const draftlint::detail::LiteralScanner scanner(literals);
  std::vector<unsigned char> seen(literals.size(), 0);
  std::vector<std::uint32_t> found;
  scanner.scan("a7", seen, found);  // shorter than the three-byte literals, not than one byte
  EXPECT_EQ(found, (std::vector<std::uint32_t>{1}));
  seen.assign(literals.size(), 0);
  found.clear();
  scanner.scan("x@y abc 77", seen, found);  // each found once; "x" and "ab" are not looked for
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(seen, (std::vector<unsigned char>{1, 1, 1, 0, 0}));
}

// Every length class (three bytes; four to seven; eight and more) and openings shared by many
// literals, against a plain search, at every position including the last ones of the text.
TEST(LiteralScanner, FindsExactlyWhatAPlainSearchFindsInRandomTexts) {
  std::mt19937 random(7);
  const std::string alphabet = "ab c";  // few letters: literals share openings, texts hold them
  const auto random_string = [&](std::size_t length) {
    std::string out;
    for (std::size_t i = 0; i < length; ++i) out += alphabet[random() % alphabet.size()];
    return out;
  };
  std::size_t hits = 0;
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> owned;
    for (int i = 0; i < 40; ++i) owned.push_back(random_string(3 + random() % 10));
    owned.push_back("ab cab c");  // eight bytes exactly
    owned.push_back("ab c");      // four, the opening of the one above
    const std::vector<std::string_view> literals(owned.begin(), owned.end());
    const draftlint::detail::LiteralScanner scanner(literals);
    std::vector<unsigned char> seen(literals.size(), 0);
    for (int t = 0; t < 6; ++t) {
      // Random, or a literal at the very start or the very end.
      const std::string_view literal = literals[random() % literals.size()];
      std::string text = random_string(random() % 40);
      if (t == 4) text = std::string(literal) + text;
      if (t == 5) text += literal;
      std::vector<std::uint32_t> found;
      scanner.scan(text, seen, found);
      std::vector<std::uint32_t> expected;
      for (std::uint32_t id = 0; id < literals.size(); ++id) {
        if (text.find(literals[id]) != std::string::npos) expected.push_back(id);
      }
      std::sort(found.begin(), found.end());
      ASSERT_EQ(found, expected) << "text '" << text << "'";
      for (const std::uint32_t id : found) {
        EXPECT_EQ(seen[id], 1);
        seen[id] = 0;
      }
      EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), 0);
      hits += found.size();
    }
  }
  EXPECT_GT(hits, 1000u);
}

TEST(LiteralText, FoldingAppendsAndKeepsOneSpaceAcrossTheJoin) {
  std::string out = "we ";
  draftlint::detail::fold_for_literals(" \t\u00A0Value", out);
  EXPECT_EQ(out, "we value");
  out.clear();
  draftlint::detail::fold_for_literals("  x\r\n", out);
  EXPECT_EQ(out, " x ");
}

// The built-in pack's patterns, as Linter::compile() gathers them.
struct BuiltinTable {
  draftlint::RuleSet rules = draftlint::RuleSet::builtin().rules;
  PatternTable table;
  BuiltinTable() {
    for (const auto& rule : draftlint::detail::RuleSetAccess::rules(rules)) rule->spec->compile(*rule, table);
    std::string error;
    EXPECT_TRUE(table.build(&error)) << error;
  }
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every rule's examples and the repository's sample notices.
std::vector<std::string> sample_texts(const draftlint::RuleSet& rules) {
  std::vector<std::string> texts;
  for (const auto& rule : draftlint::detail::RuleSetAccess::rules(rules)) {
    texts.insert(texts.end(), rule->bad_examples.begin(), rule->bad_examples.end());
    texts.insert(texts.end(), rule->good_examples.begin(), rule->good_examples.end());
  }
  for (const char* dir : {"eval/notices", "examples", "tests/fixtures/notices"}) {
    const fs::path root = fs::path(DRAFTLINT_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file()) texts.push_back(read(entry.path()));
    }
  }
  return texts;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) text.replace(at, from.size(), to);
  return text;
}

// The same text as writers and word processors vary it: capitals, no-break and doubled
// spaces, line breaks, curly quotes, and the two non-ASCII letters RE2 folds to k and s.
std::vector<std::string> variants(const std::string& text) {
  std::string upper = text;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return {text,
          upper,
          replace_all(text, " ", "\u00A0"),
          replace_all(text, " ", " \n  \t"),
          replace_all(replace_all(text, "'", "\u2019"), "\"", "\u201C"),
          replace_all(replace_all(upper, "K", "\u212A"), "S", "\u017F")};
}

TEST(PrefilterGate, TheBuildEmbedsFiltersForMostBuiltinPatterns) {
  const BuiltinTable builtin;
  std::size_t filtered = 0;
  for (std::size_t id = 0; id < builtin.table.size(); ++id) {
    const auto& patterns = draftlint::detail::builtin_prefilters().patterns;
    const std::string& regex = builtin.table.pattern(static_cast<int>(id)).regex;
    filtered += std::any_of(patterns.begin(), patterns.end(), [&](const auto& p) { return p.regex == regex; });
  }
  EXPECT_GT(filtered, builtin.table.size() * 9 / 10);
  // Those needing only digits or an '@' (phone numbers, times, addresses) are filtered too: a
  // text without any literal leaves the few the build found nothing for (11 before it read
  // digits and symbols).
  EXPECT_LE(builtin.table.gate("  ", PatternTable::Gate::literals).size(), 5u);
  // And they filter: a neutral sentence leaves few candidates.
  const std::vector<int> candidates =
      builtin.table.gate("The library opens at nine on weekdays.", PatternTable::Gate::literals);
  EXPECT_LT(candidates.size(), builtin.table.size() / 10);
}

TEST(PrefilterGate, NeverDropsAPatternThatMatches) {
  const BuiltinTable builtin;
  std::size_t checked = 0;
  for (const std::string& sample : sample_texts(builtin.rules)) {
    for (const std::string& text : variants(sample)) {
      const std::vector<int> literal = builtin.table.gate(text, PatternTable::Gate::literals);
      const std::vector<int> set = builtin.table.gate(text, PatternTable::Gate::set);
      for (std::size_t id = 0; id < builtin.table.size(); ++id) {
        const auto& pattern = builtin.table.pattern(static_cast<int>(id));
        if (!RE2::PartialMatch(text, pattern.re->get())) continue;
        ++checked;
        EXPECT_TRUE(std::binary_search(literal.begin(), literal.end(), static_cast<int>(id)))
            << "literal gate dropped " << pattern.regex << "\non: " << text.substr(0, 300);
        EXPECT_TRUE(std::binary_search(set.begin(), set.end(), static_cast<int>(id))) << "set gate dropped " << pattern.regex;
      }
    }
  }
  EXPECT_GT(checked, 1000u);  // the samples did exercise the patterns
}

}  // namespace

namespace {

TEST(PatternTableGate, StartsWithLiteralsAndSwitchesToTheSetAfterEnoughText) {
  if (std::getenv("DRAFTLINT_GATE")) GTEST_SKIP() << "DRAFTLINT_GATE fixes the gate";
  const BuiltinTable builtin;
  EXPECT_EQ(builtin.table.choose_gate(2000), PatternTable::Gate::literals);
  EXPECT_EQ(builtin.table.choose_gate(PatternTable::kSetAfterBytes / 2), PatternTable::Gate::literals);
  EXPECT_EQ(builtin.table.choose_gate(PatternTable::kSetAfterBytes / 2), PatternTable::Gate::set);  // in all
}

TEST(PatternTableGate, ExpectingEnoughTextPicksTheSetAtOnce) {
  if (std::getenv("DRAFTLINT_GATE")) GTEST_SKIP() << "DRAFTLINT_GATE fixes the gate";
  const BuiltinTable builtin;
  builtin.table.expect(1000);
  EXPECT_EQ(builtin.table.choose_gate(2000), PatternTable::Gate::literals);
  builtin.table.expect(PatternTable::kSetAfterBytes);
  EXPECT_EQ(builtin.table.choose_gate(2000), PatternTable::Gate::set);
}

// The first uses of the set come from several threads at once: one compiles it, the others
// answer from the literal gate meanwhile (a superset); once it is compiled, all get the set's
// exact answer.
TEST(PatternTableGate, ThreadsThatFindTheSetCompilingGoOnAndThenUseIt) {
  if (std::getenv("DRAFTLINT_GATE")) GTEST_SKIP() << "DRAFTLINT_GATE fixes the gate";
  const BuiltinTable builtin;
  const std::string text =
      "We apologize for any inconvenience this may have caused. Due to circumstances beyond our control, "
      "your order will ship soon. Rest assured we take this seriously.";
  const std::vector<int> literal = builtin.table.gate(text, PatternTable::Gate::literals);
  std::vector<int> truly_matching;
  for (std::size_t id = 0; id < builtin.table.size(); ++id) {
    if (RE2::PartialMatch(text, builtin.table.pattern(static_cast<int>(id)).re->get())) {
      truly_matching.push_back(static_cast<int>(id));
    }
  }
  ASSERT_FALSE(truly_matching.empty());
  std::vector<std::vector<int>> during(4);
  std::vector<std::thread> threads;
  for (auto& result : during) {
    threads.emplace_back([&] { result = builtin.table.gate(text, PatternTable::Gate::set); });
  }
  for (auto& t : threads) t.join();
  for (const auto& result : during) {
    EXPECT_TRUE(std::includes(result.begin(), result.end(), truly_matching.begin(), truly_matching.end()));
    EXPECT_TRUE(std::includes(literal.begin(), literal.end(), result.begin(), result.end()));
  }
  const std::vector<int> after = builtin.table.gate(text, PatternTable::Gate::set);
  EXPECT_TRUE(std::includes(after.begin(), after.end(), truly_matching.begin(), truly_matching.end()));
  EXPECT_LT(after.size(), literal.size()) << "the set should be compiled now, and sharper than the literals";
}

TEST(PatternTableGate, PatternsWithoutFiltersUseTheSetFromTheStart) {
  if (std::getenv("DRAFTLINT_GATE")) GTEST_SKIP() << "DRAFTLINT_GATE fixes the gate";
  PatternTable table;  // a user pack whose patterns need no literal: nothing to filter them by
  for (std::size_t i = 0; i <= PatternTable::kMaxUnfiltered; ++i) {
    draftlint::detail::Pattern p;
    const std::string name{static_cast<char>('a' + i / 26), static_cast<char>('a' + i % 26)};  // too short to look for
    p.regex = "(?i)\\b" + name + "\\d\\b";
    p.source = p.regex;
    p.re = std::make_shared<draftlint::detail::LazyRegex>(p.regex);
    table.add(p);
  }
  std::string error;
  ASSERT_TRUE(table.build(&error)) << error;
  EXPECT_EQ(table.choose_gate(10), PatternTable::Gate::set);
  EXPECT_EQ(table.gate("a AH5 here", PatternTable::Gate::set), std::vector<int>{7});
}

}  // namespace

namespace {

// Adds `p` with this regex as a rule file's pattern, so no embedded filter applies.
void add_as_user(PatternTable& table, draftlint::detail::Pattern p, std::string regex) {
  p.regex = std::move(regex);
  p.builtin = false;
  p.re = std::make_shared<draftlint::detail::LazyRegex>(p.regex);
  table.add(p);
}

void build(PatternTable& table) {
  std::string error;
  EXPECT_TRUE(table.build(&error)) << error;
}

// The built-in patterns as a user pack would have them: no embedded filter (the regex differs
// by an empty group), so the gate reads one from each.
struct UserTable {
  draftlint::RuleSet rules = draftlint::RuleSet::builtin().rules;
  PatternTable table;
  UserTable() {
    PatternTable builtin;
    for (const auto& rule : draftlint::detail::RuleSetAccess::rules(rules)) rule->spec->compile(*rule, builtin);
    for (std::size_t id = 0; id < builtin.size(); ++id) {
      const draftlint::detail::Pattern& p = builtin.pattern(static_cast<int>(id));
      add_as_user(table, p, "(?:)" + p.regex);
    }
    build(table);
  }
};

TEST(PatternTableGate, ReadFiltersNeverDropAPatternThatMatchesWhicheverGate) {
  if (std::getenv("DRAFTLINT_GATE")) GTEST_SKIP() << "DRAFTLINT_GATE fixes the gate";
  const UserTable user;
  std::size_t checked = 0;
  const auto check = [&](const std::string& text, const std::vector<int>& gated, const char* which) {
    for (std::size_t id = 0; id < user.table.size(); ++id) {
      const auto& pattern = user.table.pattern(static_cast<int>(id));
      if (!RE2::PartialMatch(text, pattern.re->get())) continue;
      ++checked;
      EXPECT_TRUE(std::binary_search(gated.begin(), gated.end(), static_cast<int>(id)))
          << which << " gate dropped " << pattern.regex << "\non: " << text.substr(0, 300);
    }
  };
  const std::vector<std::string> samples = sample_texts(user.rules);
  for (const std::string& sample : samples) {
    for (const std::string& text : variants(sample)) {
      check(text, user.table.gate(text, PatternTable::Gate::literals), "literal");
      check(text, user.table.gate(text, PatternTable::Gate::set), "set (probing or not)");
    }
  }
  EXPECT_GT(checked, 1000u);
}

TEST(PatternTableGate, APatternNeedingOnlyAnAtSignOrDigitsPassesOnlyWhereTheyAre) {
  PatternTable table;
  draftlint::detail::Pattern p;
  p.source = "an address";
  add_as_user(table, p, R"(\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)");
  p.source = "a time";
  add_as_user(table, p, R"(\b[0-9]{1,2}:[0-9]{2}\b)");
  build(table);
  EXPECT_TRUE(table.gate("No address and no time in this paragraph.", PatternTable::Gate::literals).empty());
  EXPECT_EQ(table.gate("Write to help@example.com today.", PatternTable::Gate::literals), std::vector<int>{0});
  EXPECT_EQ(table.gate("Back at 9:30.", PatternTable::Gate::literals), std::vector<int>{1});
}

TEST(PatternTableGate, KnowsWhichPatternsCanMatchTheEmptyString) {
  PatternTable table;
  draftlint::detail::Pattern p;
  p.source = "test";
  const std::vector<std::pair<std::string, bool>> cases{
      {R"(\bsorry\b)", false},  // has a filter: every match holds "sorry"
      {"@", false},             // a one-byte filter
      {R"(\d+)", false},         // no filter; probed: never empty
      {R"(\d*)", true},
      {R"((?:abc)?)", true},
      {R"(\b)", true},
      {R"(^$)", true}};
  for (const auto& [regex, empty] : cases) add_as_user(table, p, regex);
  build(table);
  for (std::size_t id = 0; id < cases.size(); ++id) {
    EXPECT_EQ(table.may_match_empty(static_cast<int>(id)), cases[id].second) << cases[id].first;
    EXPECT_EQ(table.may_match_empty(static_cast<int>(id)), cases[id].second) << cases[id].first << " (remembered)";
  }
}

// A pack of its own vocabulary keeps its patterns on the literal gate once the set is built;
// common English goes into the set. Either way the answers are the same.
void add_words(PatternTable& table, const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    draftlint::detail::Pattern p;
    p.source = word;
    add_as_user(table, p, "(?i)\\b" + word + "\\b");
  }
  build(table);
}

TEST(PatternTableGate, ProbingSendsCommonLiteralsToTheSetAndKeepsRareOnes) {
  if (std::getenv("DRAFTLINT_GATE")) GTEST_SKIP() << "DRAFTLINT_GATE fixes the gate";
  const std::string sentence = "we are sorry that the order you placed with us last week was late because of us. ";
  std::string english;
  while (english.size() < 2 * PatternTable::kProbeBytes) english += sentence;
  // Its longer words, and every run of two and three: found all over the text, as the literals
  // of a large pack of English phrases are.
  std::vector<std::string> common;
  std::istringstream in(sentence.substr(0, sentence.size() - 2));
  std::vector<std::string> words{std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].size() > 3) common.push_back(words[i]);
    if (i + 1 < words.size()) common.push_back(words[i] + " " + words[i + 1]);
    if (i + 2 < words.size()) common.push_back(words[i] + " " + words[i + 1] + " " + words[i + 2]);
  }
  const std::vector<std::string> rare{"zorblax", "quibbet", "flomp"};
  PatternTable a, b;
  add_words(a, common);
  add_words(b, rare);
  for (PatternTable* table : {&a, &b}) {
    // In chunks of a paragraph's size, as the matcher asks.
    for (std::size_t at = 0; at < english.size(); at += 150) table->gate(english.substr(at, 150), PatternTable::Gate::set);
  }
  EXPECT_FALSE(a.read_on_literals());
  EXPECT_TRUE(b.read_on_literals());
  const std::vector<int> late = a.gate("so the order was late", PatternTable::Gate::set);
  for (const std::string phrase : {"the order", "order", "was late", "late"}) {
    const int id = static_cast<int>(std::find(common.begin(), common.end(), phrase) - common.begin());
    EXPECT_TRUE(std::binary_search(late.begin(), late.end(), id)) << phrase;
  }
  EXPECT_EQ(late.size(), 4u);
  EXPECT_EQ(b.gate("a Flomp and a zorblax", PatternTable::Gate::set), (std::vector<int>{0, 2}));
  EXPECT_EQ(b.gate("the order was late", PatternTable::Gate::set), std::vector<int>{});
}

}  // namespace
