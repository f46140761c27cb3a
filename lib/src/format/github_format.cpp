// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
#include <fmt/format.h>

#include "draftlint/format.h"
#include "format/ordered_findings.h"

namespace draftlint {
namespace detail {
namespace {

// Workflow-command escaping: the message may hold '%' and line breaks; property values also
// ':' and ',' (they separate the properties).
std::string escape(std::string_view value, bool property) {
  std::string out;
  for (char c : value) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::suggestion: return "notice";
  }
  return "warning";
}

class GithubWriter final : public ReportWriter {
 public:
  explicit GithubWriter(OutputSink sink) : sink_(std::move(sink)) {}

  void add(const FileReport& report) override {
    std::string out;
    for (const OrderedFinding& f : ordered_findings(report)) {
      const Diagnostic& d = *f.diagnostic;
      out += fmt::format("::{} file={},line={}", command(d.severity), escape(report.path, true), d.start.line);
      // Columns only mean something on one line; GitHub ignores them across lines anyway.
      if (d.end.line == d.start.line) {
        out += fmt::format(",col={},endLine={},endColumn={}", d.start.column, d.end.line, d.end.column);
      } else {
        out += fmt::format(",endLine={}", d.end.line);
      }
      out += fmt::format(",title={}::{}\n", escape(d.rule, true), escape(d.message, false));
      sink_(out);
      out.clear();
    }
  }

  void finish(const std::vector<RuleInfo>&) override {}

 private:
  OutputSink sink_;
};

}  // namespace

std::unique_ptr<ReportWriter> github_writer(OutputSink sink) { return std::make_unique<GithubWriter>(std::move(sink)); }

}  // namespace detail

std::string format_github(const std::vector<FileReport>& reports) {
  return detail::write_reports(ReportFormat::github, reports, {});
}

}  // namespace draftlint
