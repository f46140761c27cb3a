// Output order for the structured formats, and the writers' common entry points.
#include "format/ordered_findings.h"

#include <algorithm>

namespace draftlint {
namespace detail {

std::vector<OrderedFinding> ordered_findings(const FileReport& report) {
  std::vector<OrderedFinding> out;
  out.reserve(report.diagnostics.size());
  for (std::size_t i = 0; i < report.diagnostics.size(); ++i) out.push_back({&report, &report.diagnostics[i], i});
  std::stable_sort(out.begin(), out.end(),
                   [](const OrderedFinding& a, const OrderedFinding& b) { return a.diagnostic->offset < b.diagnostic->offset; });
  return out;
}

std::vector<const FileReport*> ordered_reports(const std::vector<FileReport>& reports) {
  std::vector<const FileReport*> files;
  for (const FileReport& r : reports) files.push_back(&r);
  std::stable_sort(files.begin(), files.end(), [](const FileReport* a, const FileReport* b) { return a->path < b->path; });
  return files;
}

std::string write_reports(ReportFormat format, const std::vector<FileReport>& reports, const std::vector<RuleInfo>& rules) {
  std::string out;
  const std::unique_ptr<ReportWriter> writer = make_report_writer(format, [&out](std::string_view bytes) { out += bytes; });
  for (const FileReport* report : ordered_reports(reports)) writer->add(*report);
  writer->finish(rules);
  return out;
}

}  // namespace detail

std::unique_ptr<ReportWriter> make_report_writer(ReportFormat format, OutputSink sink) {
  switch (format) {
    case ReportFormat::json: return detail::json_writer(std::move(sink));
    case ReportFormat::sarif: return detail::sarif_writer(std::move(sink));
    case ReportFormat::github: return detail::github_writer(std::move(sink));
    case ReportFormat::gitlab: return detail::gitlab_writer(std::move(sink));
  }
  return detail::json_writer(std::move(sink));
}

}  // namespace draftlint
