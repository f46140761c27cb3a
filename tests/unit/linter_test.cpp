// The Linter is immutable and lint() is const: one instance serves many threads at once.
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

#include "linter_from_yaml.h"

namespace {

using draftlint::Diagnostic;
using draftlint::Linter;
using draftlint::RuleSet;

std::shared_ptr<const Linter> build() {
  return linter_from_yaml({
      {"kind: existence\nmessage: \"Own it: '{match}'.\"\nseverity: warning\n"
       "tokens: [our courier, technical difficulties]\nnot_after: ['\\bthat is on us']\n",
       "blame-probe.yml"},
      {"kind: existence\nmessage: m\nseverity: error\nscope: sentence\npatterns: ['\\brest assured\\b']\n",
       "platitude-probe.yml"},
      {"kind: substitution\nmessage: \"Use '{replacement}'.\"\nseverity: suggestion\n"
       "swap:\n  prior to: before\n  in the event that: if\n",
       "wordy-probe.yml"},
  });
}

std::vector<std::string> texts() {
  std::vector<std::string> out;
  const std::vector<std::string> pieces = {
      "Rest assured, our courier lost it. ",
      "Prior to Monday we had technical difficulties.\n",
      "In the event that our courier is late, that is on us. ",
      "Caf\u00E9 \U0001F600: rest\nassured, prior to noon.\r\n",
      "Nothing to see here. ",
  };
  for (int i = 0; i < 16; ++i) {
    std::string text;
    for (int k = 0; k < 40; ++k) text += pieces[static_cast<std::size_t>((i + k * (i % 3 + 1)) % 5)];
    out.push_back(std::move(text));
  }
  return out;
}

std::string describe(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds) {
    out += d.rule + "@" + std::to_string(d.offset) + "+" + std::to_string(d.length) + " " +
           std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + "-" + std::to_string(d.end.line) +
           ":" + std::to_string(d.end.column) + " " + std::string(draftlint::to_string(d.severity)) + " " +
           d.message + (d.fix ? " fix=" + d.fix->replacement : "") + "\n";
  }
  return out;
}

}  // namespace

TEST(Linter, GivesSameResultsWhenSharedByFourThreads) {
  const std::shared_ptr<const Linter> linter = build();
  ASSERT_TRUE(linter);
  const std::vector<std::string> inputs = texts();
  std::vector<std::string> sequential;
  for (const std::string& t : inputs) sequential.push_back(describe(linter->lint(t)));
  // Every text has findings, so a comparison of empty results proves nothing.
  for (const std::string& s : sequential) ASSERT_FALSE(s.empty());

  constexpr int kThreads = 4;
  constexpr int kRounds = 8;
  std::vector<std::vector<std::string>> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        for (std::size_t i = 0; i < inputs.size(); ++i) {
          // Each thread walks the texts from a different starting point.
          const std::size_t k = (i + static_cast<std::size_t>(t) * 5) % inputs.size();
          results[static_cast<std::size_t>(t)].push_back(std::to_string(k) + "\n" + describe(linter->lint(inputs[k])));
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    const auto& got = results[static_cast<std::size_t>(t)];
    ASSERT_EQ(got.size(), inputs.size() * kRounds);
    for (const std::string& entry : got) {
      const std::size_t newline = entry.find('\n');
      const std::size_t k = std::stoul(entry.substr(0, newline));
      EXPECT_EQ(entry.substr(newline + 1), sequential[k]) << "thread " << t << ", text " << k;
    }
  }
}

TEST(Linter, KeepsWorkingWhenRuleSetIsDestroyedAfterCompile) {
  std::shared_ptr<const Linter> linter;
  {
    const auto loaded = RuleSet::load_string("kind: existence\nmessage: m\nseverity: warning\ntokens: [sorry]\n",
                                             "sorry-probe.yml");
    ASSERT_TRUE(loaded.ok());
    linter = Linter::compile(loaded.rules).linter;
  }
  ASSERT_TRUE(linter);
  const auto ds = linter->lint("We are sorry.");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].rule, "sorry-probe");
  EXPECT_TRUE(linter->rules().contains("sorry-probe"));
}

TEST(Linter, GivesSameResultsWhenLintingSameTextTwice) {
  const auto linter = build();
  ASSERT_TRUE(linter);
  const std::string text = texts()[3];
  EXPECT_EQ(describe(linter->lint(text)), describe(linter->lint(text)));
}

TEST(Linter, CompilesEmptyLinterWhenRuleSetIsEmpty) {
  const auto compiled = Linter::compile(RuleSet{});
  ASSERT_TRUE(compiled.linter);
  EXPECT_TRUE(compiled.linter->lint("Rest assured.").empty());
}
