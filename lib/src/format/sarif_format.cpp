// SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers).
#include <algorithm>
#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

#include "draftlint/document.h"
#include "draftlint/format.h"
#include "draftlint/linter.h"
#include "draftlint/version.h"
#include "format/ordered_findings.h"
#include "format/utf16_columns.h"

namespace draftlint {
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
          {"startColumn", detail::utf16_column(text, begin)},
          {"endLine", lines.position(end).line},
          {"endColumn", detail::utf16_column(text, end)}};
}

}  // namespace

std::string format_sarif(const std::vector<FileReport>& reports, const std::vector<RuleInfo>& rules) {
  Json descriptors = Json::array();
  std::map<std::string, std::size_t, std::less<>> rule_index;
  auto add_rule = [&](const RuleInfo& rule) {
    if (rule_index.contains(rule.id)) return;  // several linters may share a rule: first wins
    rule_index[rule.id] = descriptors.size();
    descriptors.push_back(rule_descriptor(rule));
  };
  for (const RuleInfo& rule : rules) add_rule(rule);

  std::map<const FileReport*, std::vector<std::string>> prints;
  std::map<const FileReport*, LineIndex> indexes;
  for (const FileReport& r : reports) {
    prints[&r] = fingerprints(r);
    indexes.emplace(&r, LineIndex(r.text));
  }
  Json results = Json::array();
  for (const detail::OrderedFinding& f : detail::ordered_findings(reports)) {
    const Diagnostic& d = *f.diagnostic;
    if (!rule_index.contains(d.rule)) add_rule(bare_rule(d));
    const std::string_view text = f.report->text;
    const LineIndex& lines = indexes.at(f.report);
    const std::string uri = path_uri(f.report->path);
    Json result;
    result["ruleId"] = d.rule;
    result["ruleIndex"] = rule_index.at(d.rule);
    result["level"] = std::string(sarif_level(d.severity));
    result["message"] = {{"text", d.message}};
    Json where = region(text, lines, d.offset, d.offset + d.length, d);
    if (!d.match.empty()) where["snippet"] = {{"text", d.match}};
    result["locations"] = Json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}, {"region", where}}}}});
    result["partialFingerprints"] = {{"draftlintFingerprint/v1", prints[f.report][f.index]}};
    if (d.fix) {
      Json replacement = {{"deletedRegion", region(text, lines, d.fix->offset, d.fix->offset + d.fix->length, d)},
                          {"insertedContent", {{"text", d.fix->replacement}}}};
      Json change = {{"artifactLocation", {{"uri", uri}}}, {"replacements", Json::array({replacement})}};
      result["fixes"] = Json::array(
          {{{"description", {{"text", "Replace with '" + d.fix->replacement + "'."}}}, {"artifactChanges", Json::array({change})}}});
    }
    results.push_back(std::move(result));
  }

  Json driver;
  driver["name"] = "draftlint";
  driver["version"] = std::string(version());
  driver["semanticVersion"] = std::string(version());
  driver["informationUri"] = std::string(kHome);
  driver["rules"] = std::move(descriptors);
  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "utf16CodeUnits";
  run["results"] = std::move(results);
  Json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace draftlint
