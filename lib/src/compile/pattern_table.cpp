// The RE2::Set gate over all of a Linter's patterns (see pattern_table.h).
#include "compile/pattern_table.h"

#include <cstdio>
#include <cstdlib>
#include <numeric>

#include <re2/re2.h>
#include <re2/set.h>

namespace draftlint::detail {

struct PatternTable::SetHolder {
  explicit SetHolder(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
};

PatternTable::PatternTable() = default;
PatternTable::~PatternTable() = default;

int PatternTable::add(const Pattern& pattern) {
  auto [it, inserted] = ids_.emplace(pattern.regex, static_cast<int>(patterns_.size()));
  if (inserted) patterns_.push_back(pattern);
  return it->second;
}

bool PatternTable::build(std::string* error) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  set_ = std::make_unique<SetHolder>(options);
  for (const Pattern& p : patterns_) {
    std::string message;
    if (set_->set.Add(p.regex, &message) < 0) {
      *error = "pattern '" + p.source + "' cannot join the pattern set: " + message;
      return false;
    }
  }
  if (!set_->set.Compile()) {
    *error = "the rules' patterns are too large to compile together";
    return false;
  }
  return true;
}

std::vector<int> PatternTable::gate(std::string_view text) const {
  std::vector<int> hits;
  if (patterns_.empty()) return hits;
  RE2::Set::ErrorInfo info{};
  if (!set_->set.Match(re2::StringPiece(text.data(), text.size()), &hits, &info) &&
      info.kind != RE2::Set::kNoError) {
    // Out of memory in the DFA: fall back to running every locator rather than missing hits.
    if (std::getenv("DRAFTLINT_DEBUG_GATE")) fprintf(stderr, "gate: set DFA out of memory on %zu bytes\n", text.size());
    hits.resize(patterns_.size());
    std::iota(hits.begin(), hits.end(), 0);
    return hits;
  }
  std::sort(hits.begin(), hits.end());
  return hits;
}

}  // namespace draftlint::detail
