// GitLab Code Quality report: a JSON array GitLab shows in merge requests.
#include <nlohmann/json.hpp>

#include "draftlint/format.h"
#include "format/ordered_findings.h"

namespace draftlint {
namespace {

std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    case Severity::suggestion: return "info";
  }
  return "minor";
}

}  // namespace

std::string format_gitlab(const std::vector<FileReport>& reports) {
  std::map<const FileReport*, std::vector<std::string>> prints;
  for (const FileReport& r : reports) prints[&r] = fingerprints(r);
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const detail::OrderedFinding& f : detail::ordered_findings(reports)) {
    const Diagnostic& d = *f.diagnostic;
    nlohmann::ordered_json item;
    item["description"] = d.message;
    item["check_name"] = d.rule;
    item["fingerprint"] = prints[f.report][f.index];
    item["severity"] = std::string(gitlab_severity(d.severity));
    item["location"] = {{"path", f.report->path}, {"lines", {{"begin", d.start.line}}}};
    array.push_back(std::move(item));
  }
  return array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace draftlint
