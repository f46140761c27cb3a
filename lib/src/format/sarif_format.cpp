// SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers).
#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "draftlint/document.h"
#include "draftlint/format.h"
#include "draftlint/linter.h"
#include "draftlint/version.h"
#include "format/json_items.h"
#include "format/ordered_findings.h"
#include "format/spool.h"
#include "format/utf16_columns.h"

namespace draftlint {
namespace detail {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kHome = "https://github.com/draftlint/draftlint";
constexpr std::string_view kRulesDoc = "https://github.com/draftlint/draftlint/blob/main/docs/rules.md";

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::suggestion: return "note";
  }
  return "warning";
}

// A path as a URI reference: relative paths stay relative (code scanning resolves them
// against the repository root), absolute ones become file:// URIs. Anything outside the
// unreserved set is percent-encoded, so "<stdin>" or "a:b.md" cannot read as a scheme.
std::string path_uri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = path.starts_with('/') ? "file://" : "";
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

// "blame-shifting" → "BlameShifting": SARIF's friendly rule name.
std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

Json rule_descriptor(const RuleInfo& rule) {
  std::string help(rule.link);
  if (help.empty()) {
    help = rule.origin.starts_with("builtin:") ? std::string(kRulesDoc) + "#" + rule.id : std::string(kRulesDoc);
  }
  std::string description = rule.description;
  while (!description.empty() && (description.back() == '\n' || description.back() == ' ')) description.pop_back();
  Json out;
  out["id"] = rule.id;
  // The validator wants a friendly name, but not one that only differs from the id in case.
  const std::string name = pascal_case(rule.id);
  const bool same = name.size() == rule.id.size() &&
                    std::equal(name.begin(), name.end(), rule.id.begin(), [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
                    });
  if (!name.empty() && !same) out["name"] = name;
  out["shortDescription"] = {{"text", rule.message.empty() ? rule.id : rule.message}};
  out["fullDescription"] = {{"text", description.empty() ? (rule.message.empty() ? rule.id : rule.message) : description}};
  out["helpUri"] = help;
  out["defaultConfiguration"] = {{"level", std::string(sarif_level(rule.severity))}};
  if (!rule.kind.empty()) out["properties"] = {{"tags", {rule.kind}}};
  return out;
}

// A descriptor for a finding whose rule the caller did not list (e.g. unused-disable).
RuleInfo bare_rule(const Diagnostic& d) {
  RuleInfo info;
  info.id = d.rule;
  info.severity = d.severity;
  if (d.rule == kUnusedDisableRule) {
    info.message = "A draftlint-disable comment that silenced nothing.";
    info.link = std::string(kHome) + "/blob/main/docs/configuration.md";
  } else {
    info.message = d.rule;
  }
  return info;
}

// The region of bytes [begin, end) of `text`; `lines` indexes the same text. Without the text
// (a caller that kept none), the finding's own code-point positions are the best there is.
Json region(std::string_view text, const LineIndex& lines, std::size_t begin, std::size_t end, const Diagnostic& d) {
  if (end > text.size()) {
    return {{"startLine", d.start.line}, {"startColumn", d.start.column}, {"endLine", d.end.line}, {"endColumn", d.end.column}};
  }
  return {{"startLine", lines.position(begin).line},
          {"startColumn", utf16_column(text, begin)},
          {"endLine", lines.position(end).line},
          {"endColumn", utf16_column(text, end)}};
}

// Results go to a spool as they come, without their ruleIndex: the rules are known only at
// the end, and bare descriptors for unlisted rules are numbered after the listed ones.
// finish() writes the document around them and puts each ruleIndex back in its place.
class SarifWriter final : public ReportWriter {
 public:
  explicit SarifWriter(OutputSink sink) : sink_(std::move(sink)) {}

  void add(const FileReport& report) override {
    const std::vector<std::string> prints = fingerprints(report);
    const LineIndex lines(report.text);
    const std::string uri = path_uri(report.path);
    for (const OrderedFinding& f : ordered_findings(report)) {
      const Diagnostic& d = *f.diagnostic;
      Json result;
      result["ruleId"] = d.rule;
      result["level"] = std::string(sarif_level(d.severity));
      result["message"] = {{"text", d.message}};
      Json where = region(report.text, lines, d.offset, d.offset + d.length, d);
      if (!d.match.empty()) where["snippet"] = {{"text", d.match}};
      result["locations"] = Json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}, {"region", where}}}}});
      result["partialFingerprints"] = {{"draftlintFingerprint/v1", prints[f.index]}};
      if (d.fix) {
        Json replacement = {{"deletedRegion", region(report.text, lines, d.fix->offset, d.fix->offset + d.fix->length, d)},
                            {"insertedContent", {{"text", d.fix->replacement}}}};
        Json change = {{"artifactLocation", {{"uri", uri}}}, {"replacements", Json::array({replacement})}};
        result["fixes"] = Json::array(
            {{{"description", {{"text", "Replace with '" + d.fix->replacement + "'."}}}, {"artifactChanges", Json::array({change})}}});
      }
      spool_result(result, d);
    }
  }

  void finish(const std::vector<RuleInfo>& rules) override {
    Json descriptors = Json::array();
    std::map<std::string, std::size_t, std::less<>> rule_index;
    auto add_rule = [&](const RuleInfo& rule) {
      if (rule_index.contains(rule.id)) return;  // several linters may share a rule: first wins
      rule_index[rule.id] = descriptors.size();
      descriptors.push_back(rule_descriptor(rule));
    };
    for (const RuleInfo& rule : rules) add_rule(rule);
    for (const RuleInfo& seen : seen_rules_) add_rule(seen);  // in order of first use

    Json driver;
    driver["name"] = "draftlint";
    driver["version"] = std::string(version());
    driver["semanticVersion"] = std::string(version());
    driver["informationUri"] = std::string(kHome);
    driver["rules"] = std::move(descriptors);
    Json run;
    run["tool"] = {{"driver", std::move(driver)}};
    run["columnKind"] = "utf16CodeUnits";
    run["results"] = std::string(kResultsHere);
    Json log;
    log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    log["version"] = "2.1.0";
    log["runs"] = Json::array({std::move(run)});
    const std::string frame = log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    const std::string placeholder = Json(std::string(kResultsHere)).dump(-1, ' ', false, Json::error_handler_t::replace);
    const std::size_t at = frame.find(placeholder);

    sink_(std::string_view(frame).substr(0, at));
    if (rule_of_result_.empty()) {
      sink_("[]");
    } else {
      spool_.rewind();
      std::size_t copied = 0;
      for (std::size_t i = 0; i < rule_of_result_.size(); ++i) {
        spool_.read(index_at_[i] - copied, sink_);
        copied = index_at_[i];
        sink_(fmt::format("{}\"ruleIndex\": {},\n", kResultKeyIndent, rule_index.at(seen_rules_[rule_of_result_[i]].id)));
      }
      spool_.read(spool_.size() - copied, sink_);
      sink_("\n      ]");
    }
    sink_(std::string_view(frame).substr(at + placeholder.size()));
  }

 private:
  // Where run.results sits in the frame: its elements are indented by 8, their keys by 10.
  static constexpr std::string_view kResultsHere = "\x01results";
  static constexpr std::string_view kResultKeyIndent = "          ";
  static constexpr std::size_t kResultsDepth = 6;

  void spool_result(const Json& result, const Diagnostic& d) {
    auto [it, added] = seen_index_.try_emplace(d.rule, seen_rules_.size());
    if (added) seen_rules_.push_back(bare_rule(d));
    const std::string element = dump_element(result, kResultsDepth);
    // The ruleIndex line goes right after the "ruleId" line, the element's second.
    const std::size_t after_rule_id = element.find('\n', element.find('\n') + 1) + 1;
    spool_.write(rule_of_result_.empty() ? "[\n" : ",\n");
    spool_.write(std::string_view(element).substr(0, after_rule_id));
    index_at_.push_back(spool_.size());
    rule_of_result_.push_back(it->second);
    spool_.write(std::string_view(element).substr(after_rule_id));
  }

  OutputSink sink_;
  Spool spool_;
  std::vector<RuleInfo> seen_rules_;  // each rule used, first use first, as a bare descriptor
  std::map<std::string, std::size_t, std::less<>> seen_index_;
  std::vector<std::size_t> index_at_;        // per result: where its ruleIndex line goes in the spool
  std::vector<std::size_t> rule_of_result_;  // per result: its rule in seen_rules_
};

}  // namespace

std::unique_ptr<ReportWriter> sarif_writer(OutputSink sink) { return std::make_unique<SarifWriter>(std::move(sink)); }

}  // namespace detail

std::string format_sarif(const std::vector<FileReport>& reports, const std::vector<RuleInfo>& rules) {
  return detail::write_reports(ReportFormat::sarif, reports, rules);
}

}  // namespace draftlint
