// Checking rules against their own examples (`draftlint test-rules`).
#pragma once

#include <string>
#include <vector>

#include "draftlint/rules.h"

namespace draftlint {

struct ExampleFailure {
  std::string rule;
  bool bad = true;       // a bad example that did not fire, or a good one that did
  int index = 0;         // 1-based position in the rule's bad or good list
  std::string text;
  std::string detail;    // what happened, e.g. the unexpected finding's message
};

// Lints every example of every rule with that rule alone. Each `bad` example must produce at
// least one finding of its rule and each `good` example none. Returns every failure.
std::vector<ExampleFailure> check_examples(const RuleSet& rules);

}  // namespace draftlint
