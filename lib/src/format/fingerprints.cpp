// Stable fingerprints: what a finding is (path, rule, text, which occurrence), not where it is,
// so inserting a line above it does not make CI think it is a new finding.
#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

#include "draftlint/format.h"
#include "format/sha256.h"

namespace draftlint {

std::vector<std::string> fingerprints(const FileReport& report) {
  const std::vector<Diagnostic>& diagnostics = report.diagnostics;
  std::vector<std::size_t> order(diagnostics.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return diagnostics[a].offset < diagnostics[b].offset; });
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> seen;
  std::vector<std::string> out(diagnostics.size());
  for (std::size_t i : order) {
    const Diagnostic& d = diagnostics[i];
    const std::size_t occurrence = seen[{d.rule, d.match}]++;
    std::string key = report.path;
    key += '\0';
    key += d.rule;
    key += '\0';
    key += d.match;
    key += '\0';
    key += std::to_string(occurrence);
    out[i] = detail::sha256_hex(key);
  }
  return out;
}

}  // namespace draftlint
