// Rules tested against their own examples (see examples.h).
#include "draftlint/examples.h"

#include <fmt/format.h>

#include "draftlint/linter.h"

namespace draftlint {

std::vector<ExampleFailure> check_examples(const RuleSet& rules) {
  std::vector<ExampleFailure> failures;
  for (const RuleInfo& info : rules.info()) {
    const CompileResult compiled = Linter::compile(rules.only(info.id));
    if (!compiled.linter) {
      failures.push_back({info.id, true, 0, "", "the rule does not compile"});
      continue;
    }
    auto count_own = [&](const std::vector<Diagnostic>& ds, const Diagnostic** first) {
      int n = 0;
      for (const Diagnostic& d : ds) {
        if (d.rule != info.id) continue;
        if (n++ == 0) *first = &d;
      }
      return n;
    };
    for (std::size_t i = 0; i < info.bad_examples.size(); ++i) {
      const auto ds = compiled.linter->lint(info.bad_examples[i]);
      const Diagnostic* first = nullptr;
      if (count_own(ds, &first) == 0) {
        failures.push_back({info.id, true, static_cast<int>(i + 1), info.bad_examples[i], "no finding"});
      }
    }
    for (std::size_t i = 0; i < info.good_examples.size(); ++i) {
      const auto ds = compiled.linter->lint(info.good_examples[i]);
      const Diagnostic* first = nullptr;
      if (count_own(ds, &first) > 0) {
        failures.push_back({info.id, false, static_cast<int>(i + 1), info.good_examples[i],
                            fmt::format("flagged '{}' at column {}: {}", first->match, first->start.column, first->message)});
      }
    }
  }
  return failures;
}

}  // namespace draftlint
