// CI formats: SARIF (rules, UTF-16 columns, fixes, URIs), GitHub workflow commands (escaping),
// GitLab Code Quality (severities, stable fingerprints), per-rule statistics, and keeping
// only the findings on changed lines.
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
// Header-only and already a build dependency of the library (found on the system path).
#include <nlohmann/json.hpp>

#include <draftlint/format.h>
#include <draftlint/linter.h>
#include <draftlint/rules.h>

namespace {

using draftlint::Diagnostic;
using draftlint::FileReport;
using draftlint::LineRange;
using draftlint::Severity;
using Json = nlohmann::json;

constexpr std::string_view kPlatitude =
    "kind: existence\nmessage: \"Cut '{match}'.\"\ndescription: Platitudes read as boilerplate.\nseverity: warning\n"
    "tokens: [rest assured, we value your business]\n";
constexpr std::string_view kWordy =
    "kind: substitution\nmessage: \"Write '{replacement}' instead of '{match}'.\"\nseverity: suggestion\n"
    "link: https://example.com/wordy\nswap:\n  prior to: before\n";
constexpr std::string_view kBlame =
    "kind: existence\nmessage: \"Own '{match}'.\"\nseverity: error\ntokens: [technical difficulties]\n";

draftlint::RuleSet probe_rules() {
  draftlint::RuleSet rules;
  for (auto [yaml, name] : {std::pair{kPlatitude, "platitude.yml"}, std::pair{kWordy, "wordy.yml"}, std::pair{kBlame, "blame.yml"}}) {
    const auto loaded = draftlint::RuleSet::load_string(yaml, name);
    for (const auto& p : loaded.problems) ADD_FAILURE() << p.to_string();
    rules.merge(loaded.rules);
  }
  return rules;
}

const draftlint::Linter& probe_linter() {
  static const auto compiled = draftlint::Linter::compile(probe_rules());
  return *compiled.linter;
}

FileReport report(std::string path, std::string_view text) {
  return FileReport{std::move(path), text, probe_linter().lint(text)};
}

Diagnostic finding(std::string rule, Severity severity, int line, int column, int end_line, int end_column) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = severity;
  d.message = "m";
  d.start = {line, column};
  d.end = {end_line, end_column};
  return d;
}

// --- SARIF ------------------------------------------------------------------------------------

TEST(SarifFormat, OneRunWithTheToolAndItsRules) {
  const std::string text = "Rest assured, prior to noon we had technical difficulties.\n";
  const Json log = Json::parse(draftlint::format_sarif({report("notice.txt", text)}, probe_linter().rules().info()));
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const Json& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  const Json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "draftlint");
  EXPECT_FALSE(driver["version"].get<std::string>().empty());
  EXPECT_TRUE(driver["informationUri"].get<std::string>().starts_with("https://"));
  const Json& rules = driver["rules"];
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]["id"], "blame");
  EXPECT_EQ(rules[0]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rules[1]["id"], "platitude");
  EXPECT_EQ(rules[1]["shortDescription"]["text"], "Cut '{match}'.");
  EXPECT_EQ(rules[1]["fullDescription"]["text"], "Platitudes read as boilerplate.");
  EXPECT_EQ(rules[1]["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(rules[2]["id"], "wordy");
  EXPECT_EQ(rules[2]["helpUri"], "https://example.com/wordy");
  EXPECT_EQ(rules[2]["defaultConfiguration"]["level"], "note");
  for (const Json& rule : rules) EXPECT_TRUE(rule.contains("helpUri")) << rule["id"];

  const Json& results = run["results"];
  ASSERT_EQ(results.size(), 3u);
  for (const Json& result : results) {
    const std::string id = result["ruleId"];
    EXPECT_EQ(rules[result["ruleIndex"].get<std::size_t>()]["id"], id);
  }
  EXPECT_EQ(results[0]["ruleId"], "platitude");
  EXPECT_EQ(results[0]["level"], "warning");
  EXPECT_EQ(results[0]["message"]["text"], "Cut 'Rest assured'.");
  const Json& location = results[0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "notice.txt");
  EXPECT_EQ(location["region"]["startLine"], 1);
  EXPECT_EQ(location["region"]["startColumn"], 1);
  EXPECT_EQ(location["region"]["endLine"], 1);
  EXPECT_EQ(location["region"]["endColumn"], 13);
  EXPECT_EQ(results[2]["level"], "error");
}

TEST(SarifFormat, ColumnsCountUtf16CodeUnits) {
  // 😀 is one code point but two UTF-16 code units; ë is one of each.
  const std::string text = "Hi \xF0\x9F\x98\x80 Zo\xC3\xAB, prior to noon.";
  const FileReport r = report("n.txt", text);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].start.column, 11);  // code points, as the text format shows
  const Json log = Json::parse(draftlint::format_sarif({r}, probe_linter().rules().info()));
  const Json& region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startColumn"], 12);
  EXPECT_EQ(region["endColumn"], 20);
}

TEST(SarifFormat, SubstitutionsCarryAFix) {
  const std::string text = "Line one.\nCall prior to noon.\n";
  const Json log = Json::parse(draftlint::format_sarif({report("a.md", text)}, probe_linter().rules().info()));
  const Json& result = log["runs"][0]["results"][0];
  ASSERT_TRUE(result.contains("fixes"));
  const Json& change = result["fixes"][0]["artifactChanges"][0];
  EXPECT_EQ(change["artifactLocation"]["uri"], "a.md");
  const Json& replacement = change["replacements"][0];
  EXPECT_EQ(replacement["insertedContent"]["text"], "before");
  EXPECT_EQ(replacement["deletedRegion"]["startLine"], 2);
  EXPECT_EQ(replacement["deletedRegion"]["startColumn"], 6);
  EXPECT_EQ(replacement["deletedRegion"]["endLine"], 2);
  EXPECT_EQ(replacement["deletedRegion"]["endColumn"], 14);
}

TEST(SarifFormat, PathsBecomeUriReferences) {
  const std::string text = "Rest assured.";
  const Json log = Json::parse(draftlint::format_sarif(
      {report("<stdin>", text), report("/srv/notices/a b.txt", text), report("docs/x.md", text)}, {}));
  std::vector<std::string> uris;
  for (const Json& result : log["runs"][0]["results"]) {
    uris.push_back(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
  }
  EXPECT_EQ(uris, (std::vector<std::string>{"file:///srv/notices/a%20b.txt", "%3Cstdin%3E", "docs/x.md"}));
}

TEST(SarifFormat, ARuleNobodyListedGetsADescriptor) {
  FileReport r{"a.txt", "x", {finding("unused-disable", Severity::warning, 1, 1, 1, 2)}};
  const Json log = Json::parse(draftlint::format_sarif({r}, {}));
  const Json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0]["id"], "unused-disable");
  EXPECT_EQ(log["runs"][0]["results"][0]["ruleIndex"], 0);
}

TEST(SarifFormat, NoFindingsStillGiveAValidRun) {
  const Json log = Json::parse(draftlint::format_sarif({}, probe_linter().rules().info()));
  EXPECT_TRUE(log["runs"][0]["results"].is_array());
  EXPECT_TRUE(log["runs"][0]["results"].empty());
  EXPECT_EQ(log["runs"][0]["tool"]["driver"]["rules"].size(), 3u);
}

// --- GitHub -----------------------------------------------------------------------------------

TEST(GithubFormat, OneCommandPerFindingWithLevelsMapped) {
  const std::string text = "Rest assured, prior to noon we had technical difficulties.";
  EXPECT_EQ(draftlint::format_github({report("n.txt", text)}),
            "::warning file=n.txt,line=1,col=1,endLine=1,endColumn=13,title=platitude::Cut 'Rest assured'.\n"
            "::notice file=n.txt,line=1,col=15,endLine=1,endColumn=23,title=wordy::Write 'before' instead of 'prior to'.\n"
            "::error file=n.txt,line=1,col=36,endLine=1,endColumn=58,title=blame::Own 'technical difficulties'.\n");
}

TEST(GithubFormat, EscapesDataAndProperties) {
  Diagnostic d = finding("rule:a,b", Severity::warning, 2, 3, 2, 7);
  d.message = "50% off\r\nnow: a, b";
  EXPECT_EQ(draftlint::format_github({FileReport{"dir/a,b:c%.txt", "", {d}}}),
            "::warning file=dir/a%2Cb%3Ac%25.txt,line=2,col=3,endLine=2,endColumn=7,title=rule%3Aa%2Cb::"
            "50%25 off%0D%0Anow: a, b\n");
}

TEST(GithubFormat, ColumnsAreLeftOutAcrossLines) {
  const Diagnostic d = finding("r", Severity::suggestion, 3, 40, 4, 5);
  EXPECT_EQ(draftlint::format_github({FileReport{"a.md", "", {d}}}), "::notice file=a.md,line=3,endLine=4,title=r::m\n");
}

// --- GitLab -----------------------------------------------------------------------------------

TEST(GitlabFormat, ACodeQualityArray) {
  const std::string text = "Rest assured, prior to noon.\nWe had technical difficulties.";
  const Json issues = Json::parse(draftlint::format_gitlab({report("docs/n.md", text)}));
  ASSERT_TRUE(issues.is_array());
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0]["description"], "Cut 'Rest assured'.");
  EXPECT_EQ(issues[0]["check_name"], "platitude");
  EXPECT_EQ(issues[0]["severity"], "minor");
  EXPECT_EQ(issues[0]["location"]["path"], "docs/n.md");
  EXPECT_EQ(issues[0]["location"]["lines"]["begin"], 1);
  EXPECT_EQ(issues[1]["severity"], "info");
  EXPECT_EQ(issues[2]["severity"], "major");
  EXPECT_EQ(issues[2]["location"]["lines"]["begin"], 2);
  for (const Json& issue : issues) EXPECT_EQ(issue["fingerprint"].get<std::string>().size(), 64u);
}

TEST(GitlabFormat, FingerprintsIgnoreLineNumbersButTellRepeatsApart) {
  const std::string before = "Rest assured. Rest assured.";
  const std::string after = "New first line.\n\nRest assured. Rest assured.";
  const Json a = Json::parse(draftlint::format_gitlab({report("n.txt", before)}));
  const Json b = Json::parse(draftlint::format_gitlab({report("n.txt", after)}));
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(a[0]["fingerprint"], b[0]["fingerprint"]);
  EXPECT_EQ(a[1]["fingerprint"], b[1]["fingerprint"]);
  EXPECT_NE(a[0]["fingerprint"], a[1]["fingerprint"]);
  // Another file, same finding: another fingerprint.
  const Json c = Json::parse(draftlint::format_gitlab({report("m.txt", before)}));
  EXPECT_NE(a[0]["fingerprint"], c[0]["fingerprint"]);
}

TEST(Fingerprints, AreTheSha256OfPathRuleTextAndOccurrence) {
  const auto prints = draftlint::fingerprints(report("notice.md", "Rest assured."));
  ASSERT_EQ(prints.size(), 1u);
  // sha256("notice.md\0platitude\0Rest assured\0" "0")
  EXPECT_EQ(prints[0], "18c07cffe7b03ed31bbc92e983f755e1ae3b541750ecbad79daac08c46797aba");
}

// --- statistics -------------------------------------------------------------------------------

TEST(RuleStatistics, CountDescendingThenId) {
  const FileReport a = report("a.txt", "Rest assured, prior to noon. We value your business.");
  const FileReport b = report("b.txt", "Prior to noon we had technical difficulties.");
  const auto counts = draftlint::count_by_rule({a, b});
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].rule, "platitude");
  EXPECT_EQ(counts[0].count, 2u);
  EXPECT_EQ(counts[0].fixable, 0u);
  EXPECT_EQ(counts[1].rule, "wordy");
  EXPECT_EQ(counts[1].count, 2u);
  EXPECT_EQ(counts[1].fixable, 2u);
  EXPECT_EQ(counts[2].rule, "blame");
  EXPECT_EQ(draftlint::format_statistics(counts),
            "COUNT  FIXABLE  RULE\n"
            "    2        0  platitude\n"
            "    2        2  wordy\n"
            "    1        0  blame\n");
  EXPECT_EQ(draftlint::format_statistics({}), "");
}

// --- changed lines ----------------------------------------------------------------------------

TEST(ChangedLines, ParsesHunkHeaders) {
  const std::string diff =
      "diff --git a/n.md b/n.md\n--- a/n.md\n+++ b/n.md\n"
      "@@ -3 +3 @@ Heading\n-old\n+new\n"
      "@@ -10,0 +11,2 @@\n+a\n+b\n"
      "@@ -20,4 +22,0 @@\n-gone\n"
      "@@ -30,2 +30,3 @@\n"
      "+@@ -1 +99 @@ looks like a header but is content\n";
  EXPECT_EQ(draftlint::parse_diff_hunks(diff), (std::vector<LineRange>{{3, 3}, {11, 12}, {30, 32}}));
  EXPECT_TRUE(draftlint::parse_diff_hunks("").empty());
}

TEST(ChangedLines, AdjacentRangesMerge) {
  EXPECT_EQ(draftlint::parse_diff_hunks("@@ -1 +5,2 @@\n@@ -9 +7 @@\n@@ -1 +1 @@\n"),
            (std::vector<LineRange>{{1, 1}, {5, 7}}));
}

TEST(ChangedLines, AFindingCountsWhenAnyOfItsLinesChanged) {
  const std::vector<LineRange> changed{{4, 5}};
  EXPECT_TRUE(draftlint::touches_lines(finding("r", Severity::warning, 4, 1, 4, 3), changed));
  EXPECT_TRUE(draftlint::touches_lines(finding("r", Severity::warning, 2, 1, 4, 3), changed));
  EXPECT_TRUE(draftlint::touches_lines(finding("r", Severity::warning, 5, 9, 7, 3), changed));
  EXPECT_FALSE(draftlint::touches_lines(finding("r", Severity::warning, 3, 1, 3, 9), changed));
  EXPECT_FALSE(draftlint::touches_lines(finding("r", Severity::warning, 6, 1, 6, 9), changed));
  // Ending just after the line break of line 3 does not reach into line 4.
  EXPECT_FALSE(draftlint::touches_lines(finding("r", Severity::warning, 2, 5, 4, 1), changed));
  // A zero-width finding on a changed line.
  EXPECT_TRUE(draftlint::touches_lines(finding("r", Severity::warning, 5, 2, 5, 2), changed));
}

TEST(ChangedLines, FilterKeepsOrder) {
  std::vector<Diagnostic> ds{finding("a", Severity::warning, 1, 1, 1, 2), finding("b", Severity::warning, 3, 1, 3, 2),
                             finding("c", Severity::warning, 8, 1, 8, 2), finding("d", Severity::warning, 9, 1, 9, 2)};
  const auto kept = draftlint::filter_by_lines(ds, {{3, 3}, {9, 12}});
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].rule, "b");
  EXPECT_EQ(kept[1].rule, "d");
  EXPECT_TRUE(draftlint::filter_by_lines(ds, {}).empty());
}

}  // namespace
