// Every finding of many reports in output order (path, then offset), shared by the CI formats.
#pragma once

#include <vector>

#include "draftlint/format.h"

namespace draftlint::detail {

struct OrderedFinding {
  const FileReport* report = nullptr;
  const Diagnostic* diagnostic = nullptr;
  std::size_t index = 0;  // the diagnostic's index in report->diagnostics
};

// Reports sorted by path (stable), each report's findings by offset (stable).
std::vector<OrderedFinding> ordered_findings(const std::vector<FileReport>& reports);

}  // namespace draftlint::detail
