// --statistics: how many findings each rule produced, as data and as a small table.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "draftlint/format.h"

namespace draftlint {

std::vector<RuleCount> count_by_rule(const std::vector<FileReport>& reports) {
  std::map<std::string, RuleCount, std::less<>> by_rule;
  for (const FileReport& report : reports) {
    for (const Diagnostic& d : report.diagnostics) {
      RuleCount& count = by_rule[d.rule];
      count.rule = d.rule;
      ++count.count;
      if (d.fix) ++count.fixable;
    }
  }
  std::vector<RuleCount> out;
  for (auto& [rule, count] : by_rule) out.push_back(std::move(count));
  std::stable_sort(out.begin(), out.end(), [](const RuleCount& a, const RuleCount& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.rule < b.rule;
  });
  return out;
}

std::string format_statistics(const std::vector<RuleCount>& counts) {
  if (counts.empty()) return {};
  std::string out = fmt::format("{:>5}  {:>7}  {}\n", "COUNT", "FIXABLE", "RULE");
  for (const RuleCount& c : counts) out += fmt::format("{:>5}  {:>7}  {}\n", c.count, c.fixable, c.rule);
  return out;
}

}  // namespace draftlint
