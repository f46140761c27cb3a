// Findings in output order (path, then offset), shared by the structured formats.
#pragma once

#include <vector>

#include "draftlint/format.h"

namespace draftlint::detail {

struct OrderedFinding {
  const FileReport* report = nullptr;
  const Diagnostic* diagnostic = nullptr;
  std::size_t index = 0;  // the diagnostic's index in report->diagnostics
};

// One report's findings sorted by offset (stable).
std::vector<OrderedFinding> ordered_findings(const FileReport& report);

// Reports sorted by path (stable).
std::vector<const FileReport*> ordered_reports(const std::vector<FileReport>& reports);

// Every report through a writer of `format`, in ordered_reports() order: the whole document.
std::string write_reports(ReportFormat format, const std::vector<FileReport>& reports, const std::vector<RuleInfo>& rules);

// The writers behind make_report_writer().
std::unique_ptr<ReportWriter> json_writer(OutputSink sink);
std::unique_ptr<ReportWriter> sarif_writer(OutputSink sink);
std::unique_ptr<ReportWriter> github_writer(OutputSink sink);
std::unique_ptr<ReportWriter> gitlab_writer(OutputSink sink);

}  // namespace draftlint::detail
