// Output order for the CI formats: the same order format_json() uses.
#include "format/ordered_findings.h"

#include <algorithm>

namespace draftlint::detail {

std::vector<OrderedFinding> ordered_findings(const std::vector<FileReport>& reports) {
  std::vector<const FileReport*> files;
  for (const FileReport& r : reports) files.push_back(&r);
  std::stable_sort(files.begin(), files.end(), [](const FileReport* a, const FileReport* b) { return a->path < b->path; });
  std::vector<OrderedFinding> out;
  for (const FileReport* file : files) {
    const std::size_t first = out.size();
    for (std::size_t i = 0; i < file->diagnostics.size(); ++i) out.push_back({file, &file->diagnostics[i], i});
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                     [](const OrderedFinding& a, const OrderedFinding& b) { return a.diagnostic->offset < b.diagnostic->offset; });
  }
  return out;
}

}  // namespace draftlint::detail
