// --statistics: how many findings each rule produced, as data and as a small table.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "draftlint/format.h"

namespace draftlint {

void RuleCounter::add(const FileReport& report) {
  for (const Diagnostic& d : report.diagnostics) {
    auto it = by_rule_.find(d.rule);
    if (it == by_rule_.end()) it = by_rule_.emplace(d.rule, RuleCount{d.rule, 0, 0}).first;
    ++it->second.count;
    if (d.fix) ++it->second.fixable;
  }
}

std::vector<RuleCount> RuleCounter::counts() const {
  std::vector<RuleCount> out;
  for (const auto& [rule, count] : by_rule_) out.push_back(count);
  std::stable_sort(out.begin(), out.end(), [](const RuleCount& a, const RuleCount& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.rule < b.rule;
  });
  return out;
}

std::vector<RuleCount> count_by_rule(const std::vector<FileReport>& reports) {
  RuleCounter counter;
  for (const FileReport& report : reports) counter.add(report);
  return counter.counts();
}

std::string format_statistics(const std::vector<RuleCount>& counts) {
  if (counts.empty()) return {};
  std::string out = fmt::format("{:>5}  {:>7}  {}\n", "COUNT", "FIXABLE", "RULE");
  for (const RuleCount& c : counts) out += fmt::format("{:>5}  {:>7}  {}\n", c.count, c.fixable, c.rule);
  return out;
}

}  // namespace draftlint
