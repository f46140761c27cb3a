// Every pattern a Linter searches the whole text for, gathered into one RE2::Set: the set is
// a gate (which patterns match somewhere?), the single RE2s are the locators (where?).
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/rule.h"

namespace re2 {
class RE2;
}

namespace draftlint::detail {

class PatternTable {
 public:
  PatternTable();
  ~PatternTable();
  PatternTable(const PatternTable&) = delete;
  PatternTable& operator=(const PatternTable&) = delete;

  // Registers a pattern and returns its id. Identical regexes share one id.
  int add(const Pattern& pattern);

  // Compiles the set. Returns false with a message when RE2 refuses (for example, too big).
  bool build(std::string* error);

  // Ids of the patterns that match somewhere in `text`, ascending. When the set runs out of
  // memory on this text, every id is returned: the locators then decide, so nothing is missed.
  std::vector<int> gate(std::string_view text) const;

  const Pattern& pattern(int id) const { return patterns_[static_cast<std::size_t>(id)]; }

  // True when pattern `id` can match an empty string somewhere (in some context of ^, $, \b).
  // Decided on first use (that compiles the pattern) and remembered; thread-safe.
  bool may_match_empty(int id) const;
  std::size_t size() const { return patterns_.size(); }

 private:
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, int> ids_;
  struct SetHolder;
  std::unique_ptr<SetHolder> set_;
  // Per pattern: 0 not yet known, 1 no, 2 yes (benign races: every thread computes the same).
  std::unique_ptr<std::atomic<signed char>[]> empty_;
};

}  // namespace draftlint::detail
