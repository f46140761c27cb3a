// Writing the structured formats file by file (ReportWriter): the same bytes as building the
// whole document at once, output before the end, and SARIF's rule indexes, which are only
// known at the end.
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
// Header-only and already a build dependency of the library (found on the system path).
#include <nlohmann/json.hpp>

#include <draftlint/format.h>

namespace {

using draftlint::Diagnostic;
using draftlint::FileReport;
using draftlint::ReportFormat;
using draftlint::Severity;
using Json = nlohmann::ordered_json;

Diagnostic finding(std::string rule, std::size_t offset, std::string match, std::string message = "Say it plainly.") {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = Severity::warning;
  d.message = std::move(message);
  d.offset = offset;
  d.length = match.size();
  d.start = {1, static_cast<int>(offset) + 1};
  d.end = {1, static_cast<int>(offset + match.size()) + 1};
  d.match = std::move(match);
  return d;
}

// Quotes, a line break, non-ASCII, invalid UTF-8 and a fix, over two files; one file is empty.
std::vector<FileReport> sample_reports() {
  Diagnostic fixed = finding("wordy", 4, "prior to");
  fixed.fix = draftlint::Fix{4, 8, "before"};
  return {
      FileReport{"b.txt", "Say prior to \"noon\".", {finding("platitude", 13, "\"noon\"", "Cut \"it\"\nnow."), fixed}},
      FileReport{"a.txt", "Zo\xC3\xAB said \xFF.", {finding("odd", 0, "Zo\xC3\xAB", "Bad byte \xFF here.")}},
      FileReport{"c.txt", "", {}},
  };
}

// The JSON format as one document built at once (the reference for the streamed bytes).
std::string whole_json(const std::vector<FileReport>& sorted) {
  Json array = Json::array();
  for (const FileReport& r : sorted) {
    for (const Diagnostic& d : r.diagnostics) {
      Json item;
      item["path"] = r.path;
      item["rule"] = d.rule;
      item["severity"] = std::string(draftlint::to_string(d.severity));
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
  return array.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// Parsing and dumping again gives the layout nlohmann gives a whole document.
std::string relaid(const std::string& document) { return Json::parse(document).dump(2) + "\n"; }

TEST(ReportWriter, JsonIsByteForByteTheWholeDocument) {
  std::vector<FileReport> reports = sample_reports();
  const std::string streamed = draftlint::format_json(reports);
  // By path, then offset within a file.
  std::vector<FileReport> sorted = {reports[1], reports[0], reports[2]};
  std::swap(sorted[1].diagnostics[0], sorted[1].diagnostics[1]);
  EXPECT_EQ(streamed, whole_json(sorted));
}

TEST(ReportWriter, EmptyDocumentsAreEmptyArrays) {
  EXPECT_EQ(draftlint::format_json({}), "[]\n");
  EXPECT_EQ(draftlint::format_gitlab({}), "[]\n");
  EXPECT_EQ(draftlint::format_github({}), "");
  const std::string sarif = draftlint::format_sarif({}, {});
  EXPECT_EQ(sarif, relaid(sarif));
  EXPECT_NE(sarif.find("\"results\": []"), std::string::npos);
}

TEST(ReportWriter, GitlabAndSarifHaveTheWholeDocumentsLayout) {
  const std::vector<FileReport> reports = sample_reports();
  const std::string gitlab = draftlint::format_gitlab(reports);
  EXPECT_EQ(gitlab, relaid(gitlab));
  const std::string sarif = draftlint::format_sarif(reports, {});
  EXPECT_EQ(sarif, relaid(sarif));
}

TEST(ReportWriter, WritesEachFileBeforeTheEnd) {
  for (ReportFormat format : {ReportFormat::json, ReportFormat::gitlab, ReportFormat::github}) {
    std::string out;
    const auto writer = draftlint::make_report_writer(format, [&out](std::string_view bytes) { out += bytes; });
    writer->add(sample_reports()[1]);
    const std::size_t after_first = out.size();
    EXPECT_NE(out.find("odd"), std::string::npos) << static_cast<int>(format);  // a.txt's rule
    writer->add(sample_reports()[0]);
    EXPECT_GT(out.size(), after_first) << static_cast<int>(format);
    writer->finish({});
  }
}

TEST(ReportWriter, MatchesTheWholeDocumentFunctions) {
  const std::vector<FileReport> reports = sample_reports();
  const std::vector<FileReport> sorted = {reports[1], reports[0], reports[2]};
  auto streamed = [&](ReportFormat format, const std::vector<draftlint::RuleInfo>& rules) {
    std::string out;
    const auto writer = draftlint::make_report_writer(format, [&out](std::string_view bytes) { out += bytes; });
    for (const FileReport& r : sorted) writer->add(r);
    writer->finish(rules);
    return out;
  };
  draftlint::RuleInfo wordy;
  wordy.id = "wordy";
  wordy.message = "Write '{replacement}'.";
  EXPECT_EQ(streamed(ReportFormat::json, {}), draftlint::format_json(reports));
  EXPECT_EQ(streamed(ReportFormat::gitlab, {}), draftlint::format_gitlab(reports));
  EXPECT_EQ(streamed(ReportFormat::github, {}), draftlint::format_github(reports));
  EXPECT_EQ(streamed(ReportFormat::sarif, {wordy}), draftlint::format_sarif(reports, {wordy}));
}

// The rules given at the end come first; rules nobody listed follow in order of first use,
// and every result points at its own rule.
TEST(ReportWriter, SarifRuleIndexesAreThoseOfTheFinalRules) {
  draftlint::RuleInfo wordy;
  wordy.id = "wordy";
  wordy.message = "Write '{replacement}'.";
  const Json log = Json::parse(draftlint::format_sarif(sample_reports(), {wordy}));
  const Json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]["id"], "wordy");
  EXPECT_EQ(rules[1]["id"], "odd");        // a.txt comes first
  EXPECT_EQ(rules[2]["id"], "platitude");  // b.txt, offset 13
  const Json& results = log["runs"][0]["results"];
  ASSERT_EQ(results.size(), 3u);
  for (const Json& result : results) {
    EXPECT_EQ(rules[result["ruleIndex"].get<std::size_t>()]["id"], result["ruleId"]);
    // ruleIndex sits right after ruleId, as in a document built at once.
    auto key = result.begin();
    EXPECT_EQ(key.key(), "ruleId");
    EXPECT_EQ((++key).key(), "ruleIndex");
  }
}

TEST(RuleCounter, CountsLikeCountByRuleOneReportAtATime) {
  const std::vector<FileReport> reports = sample_reports();
  draftlint::RuleCounter counter;
  for (const FileReport& r : reports) counter.add(r);
  const auto expected = draftlint::count_by_rule(reports);
  const auto counts = counter.counts();
  ASSERT_EQ(counts.size(), expected.size());
  for (std::size_t i = 0; i < counts.size(); ++i) {
    EXPECT_EQ(counts[i].rule, expected[i].rule);
    EXPECT_EQ(counts[i].count, expected[i].count);
    EXPECT_EQ(counts[i].fixable, expected[i].fixable);
  }
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].rule, "odd");  // all once: by id
  EXPECT_EQ(counts[2].fixable, 1u);
}

TEST(FormatTextFinding, IsWhatFormatTextPrintsForTheFinding) {
  const std::string text = "Dear customer,\nWe apologise for prior to noon.\n";
  Diagnostic d = finding("wordy", 30, "prior to");
  d.start = {2, 16};
  d.end = {2, 24};
  d.fix = draftlint::Fix{30, 8, "before"};
  const FileReport report{"n.txt", text, {d}};
  for (bool color : {false, true}) {
    EXPECT_EQ(draftlint::format_text_finding("n.txt", d, "We apologise for prior to noon.", color),
              draftlint::format_text(report, color));
  }
}

}  // namespace
