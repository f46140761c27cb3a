// JSON output: one array of findings, ordered by path then offset.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "draftlint/format.h"

namespace draftlint {

std::string format_json(const std::vector<FileReport>& reports) {
  std::vector<const FileReport*> ordered;
  for (const FileReport& r : reports) ordered.push_back(&r);
  std::stable_sort(ordered.begin(), ordered.end(), [](const FileReport* a, const FileReport* b) { return a->path < b->path; });
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const FileReport* report : ordered) {
    std::vector<const Diagnostic*> findings;
    for (const Diagnostic& d : report->diagnostics) findings.push_back(&d);
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Diagnostic* a, const Diagnostic* b) { return a->offset < b->offset; });
    for (const Diagnostic* finding : findings) {
      const Diagnostic& d = *finding;
      nlohmann::ordered_json item;
      item["path"] = report->path;
      item["rule"] = d.rule;
      item["severity"] = std::string(to_string(d.severity));
      item["message"] = d.message;
      item["line"] = d.start.line;
      item["column"] = d.start.column;
      item["end_line"] = d.end.line;
      item["end_column"] = d.end.column;
      item["offset"] = d.offset;
      item["length"] = d.length;
      item["match"] = d.match;
      if (d.fix) item["fix"] = {{"offset", d.fix->offset}, {"length", d.fix->length}, {"replacement", d.fix->replacement}};
      array.push_back(std::move(item));
    }
  }
  // Replace invalid UTF-8 rather than throw: the output must always be produced.
  return array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace draftlint
