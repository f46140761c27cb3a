// GitLab Code Quality report: a JSON array GitLab shows in merge requests.
#include <nlohmann/json.hpp>

#include "draftlint/format.h"
#include "format/json_items.h"
#include "format/ordered_findings.h"

namespace draftlint {
namespace detail {
namespace {

std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    case Severity::suggestion: return "info";
  }
  return "minor";
}

class GitlabWriter final : public JsonArrayReport {
 public:
  using JsonArrayReport::JsonArrayReport;

  void add(const FileReport& report) override {
    const std::vector<std::string> prints = fingerprints(report);
    for (const OrderedFinding& f : ordered_findings(report)) {
      const Diagnostic& d = *f.diagnostic;
      nlohmann::ordered_json item;
      item["description"] = d.message;
      item["check_name"] = d.rule;
      item["fingerprint"] = prints[f.index];
      item["severity"] = std::string(gitlab_severity(d.severity));
      item["location"] = {{"path", report.path}, {"lines", {{"begin", d.start.line}}}};
      emit(item);
    }
  }
};

}  // namespace

std::unique_ptr<ReportWriter> gitlab_writer(OutputSink sink) { return std::make_unique<GitlabWriter>(std::move(sink)); }

}  // namespace detail

std::string format_gitlab(const std::vector<FileReport>& reports) {
  return detail::write_reports(ReportFormat::gitlab, reports, {});
}

}  // namespace draftlint
