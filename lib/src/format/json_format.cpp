// JSON output: one array of findings, ordered by path then offset, written file by file.
#include <nlohmann/json.hpp>

#include "draftlint/format.h"
#include "format/json_items.h"
#include "format/ordered_findings.h"

namespace draftlint {
namespace detail {
namespace {

class JsonWriter final : public JsonArrayReport {
 public:
  using JsonArrayReport::JsonArrayReport;

  void add(const FileReport& report) override {
    for (const OrderedFinding& f : ordered_findings(report)) {
      const Diagnostic& d = *f.diagnostic;
      nlohmann::ordered_json item;
      item["path"] = report.path;
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
      emit(item);
    }
  }
};

}  // namespace

std::unique_ptr<ReportWriter> json_writer(OutputSink sink) { return std::make_unique<JsonWriter>(std::move(sink)); }

}  // namespace detail

std::string format_json(const std::vector<FileReport>& reports) {
  return detail::write_reports(ReportFormat::json, reports, {});
}

}  // namespace draftlint
