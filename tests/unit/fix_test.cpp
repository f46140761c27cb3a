// Fixes: apply_fixes (one pass, overlap order, markup), fix_all (to a fixed point),
// unified_diff (hunks, context, missing final newline) and the atomic write (mode, stale files).
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/fix.h>
#include <draftlint/linter.h>
#include <draftlint/rules.h>

namespace {

namespace fs = std::filesystem;
using draftlint::Diagnostic;
using draftlint::Fix;
using draftlint::InputFormat;

Diagnostic fix_at(std::size_t offset, std::size_t length, std::string replacement, std::string rule = "r") {
  Diagnostic d;
  d.rule = std::move(rule);
  d.offset = offset;
  d.length = length;
  d.fix = Fix{offset, length, std::move(replacement)};
  return d;
}

std::vector<std::string> rules_of(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ds) out.push_back(d.rule);
  return out;
}

// --- apply_fixes ----------------------------------------------------------------------------

TEST(ApplyFixes, ReplacesEachSpanAndKeepsTheRest) {
  const auto r = draftlint::apply_fixes("call prior to noon, prior to six", {fix_at(5, 8, "before"), fix_at(20, 8, "before")});
  EXPECT_EQ(r.text, "call before noon, before six");
  EXPECT_EQ(r.applied.size(), 2u);
  EXPECT_TRUE(r.skipped.empty());
}

TEST(ApplyFixes, OrderOfTheInputDoesNotMatter) {
  const auto a = draftlint::apply_fixes("abcdef", {fix_at(4, 2, "Y"), fix_at(0, 2, "X")});
  EXPECT_EQ(a.text, "XcdY");
  EXPECT_EQ(a.applied[0].fix->replacement, "X");  // applied are in text order
}

TEST(ApplyFixes, LeftmostWinsAnOverlap) {
  const auto r = draftlint::apply_fixes("abcdef", {fix_at(2, 3, "Z", "b-rule"), fix_at(0, 3, "X", "a-rule")});
  EXPECT_EQ(r.text, "Xdef");
  EXPECT_EQ(rules_of(r.applied), std::vector<std::string>{"a-rule"});
  EXPECT_EQ(rules_of(r.skipped), std::vector<std::string>{"b-rule"});
}

TEST(ApplyFixes, OnTheSameStartTheLongerWins) {
  const auto r = draftlint::apply_fixes("abcdef", {fix_at(0, 2, "short", "a"), fix_at(0, 4, "long", "z")});
  EXPECT_EQ(r.text, "longef");
  EXPECT_EQ(rules_of(r.skipped), std::vector<std::string>{"a"});
}

TEST(ApplyFixes, OnTheSameSpanTheRuleIdDecides) {
  const auto r = draftlint::apply_fixes("abcdef", {fix_at(0, 2, "from-zeta", "zeta"), fix_at(0, 2, "from-alpha", "alpha")});
  EXPECT_EQ(r.text, "from-alphacdef");
  EXPECT_EQ(rules_of(r.skipped), std::vector<std::string>{"zeta"});
}

TEST(ApplyFixes, TouchingFixesBothApply) {
  const auto r = draftlint::apply_fixes("abcdef", {fix_at(0, 3, "1"), fix_at(3, 3, "2")});
  EXPECT_EQ(r.text, "12");
  EXPECT_EQ(r.applied.size(), 2u);
}

TEST(ApplyFixes, FindingsWithoutAFixAreInNeitherList) {
  Diagnostic plain;
  plain.rule = "existence";
  plain.offset = 0;
  plain.length = 3;
  const auto r = draftlint::apply_fixes("abc", {plain});
  EXPECT_EQ(r.text, "abc");
  EXPECT_TRUE(r.applied.empty());
  EXPECT_TRUE(r.skipped.empty());
}

TEST(ApplyFixes, OutOfRangeAndNoOpFixesAreSkipped) {
  const auto r = draftlint::apply_fixes("abc", {fix_at(2, 5, "x"), fix_at(0, 1, "a")});
  EXPECT_EQ(r.text, "abc");
  EXPECT_TRUE(r.applied.empty());
  EXPECT_EQ(r.skipped.size(), 2u);
}

TEST(ApplyFixes, SpansHoldingMarkupAreSkipped) {
  const std::string html = "<p>prior <b>to</b> it, prior&nbsp;to noon</p>";
  const auto h = draftlint::apply_fixes(html, {fix_at(3, 11, "before"), fix_at(23, 13, "before")}, InputFormat::html);
  EXPECT_EQ(h.text, "<p>prior <b>to</b> it, before noon</p>");
  EXPECT_EQ(h.skipped.size(), 1u);

  const std::string md = "prior **to** it, prior\nto noon";
  const auto m = draftlint::apply_fixes(md, {fix_at(0, 10, "before"), fix_at(17, 8, "before")}, InputFormat::markdown);
  EXPECT_EQ(m.text, "prior **to** it, before noon");

  const std::string tmpl = "prior {{ x }} to";
  EXPECT_EQ(draftlint::apply_fixes(tmpl, {fix_at(0, 16, "before")}).text, tmpl);
  // Plain text has no markup: '*' is just a character there.
  EXPECT_EQ(draftlint::apply_fixes("a*b", {fix_at(0, 3, "c")}).text, "c");
}

// --- fix_all ----------------------------------------------------------------------------------

std::shared_ptr<const draftlint::Linter> swap_linter(std::string_view swaps) {
  const std::string yaml = "kind: substitution\nmessage: \"Use '{replacement}'.\"\nseverity: warning\nswap:\n" + std::string(swaps);
  const auto loaded = draftlint::RuleSet::load_string(yaml, "wordy.yml");
  for (const auto& p : loaded.problems) ADD_FAILURE() << p.to_string();
  auto compiled = draftlint::Linter::compile(loaded.rules);
  EXPECT_TRUE(compiled.linter);
  return compiled.linter;
}

TEST(FixAll, FixesEverythingAndReportsWhatIsLeft) {
  const auto linter = swap_linter("  prior to: before\n");
  const auto r = draftlint::fix_all(*linter, "Prior to noon and prior to six.\n", {});
  EXPECT_EQ(r.text, "Before noon and before six.\n");
  EXPECT_EQ(r.applied, 2u);
  EXPECT_TRUE(r.remaining.empty());
  EXPECT_TRUE(r.converged);
}

TEST(FixAll, RunningItAgainChangesNothing) {
  const auto linter = swap_linter("  prior to: before\n  in order to: to\n");
  const auto first = draftlint::fix_all(*linter, "In order to help, prior to noon we call.", {});
  const auto second = draftlint::fix_all(*linter, first.text, {});
  EXPECT_EQ(second.text, first.text);
  EXPECT_EQ(second.applied, 0u);
}

TEST(FixAll, AFixThatMakesANewMatchIsFixedInTheSameRun) {
  const auto linter = swap_linter("  at this point in time: now\n  right now: now\n");
  // "at this point in time" → "now", which with "right" before it is a new match.
  const auto r = draftlint::fix_all(*linter, "We act right at this point in time.", {});
  EXPECT_EQ(r.text, "We act now.");
  EXPECT_EQ(r.applied, 2u);
}

TEST(FixAll, TheFilterLimitsWhatIsFixedAndReported) {
  const auto linter = swap_linter("  prior to: before\n");
  const auto second_line = [](const Diagnostic& d) { return d.start.line == 2; };
  const auto r = draftlint::fix_all(*linter, "prior to one\nprior to two\n", {}, second_line);
  EXPECT_EQ(r.text, "prior to one\nbefore two\n");
  EXPECT_TRUE(r.remaining.empty());
}

TEST(FixAll, UnfixableFindingsRemain) {
  const auto loaded = draftlint::RuleSet::load_string(
      "kind: existence\nmessage: \"Cut '{match}'.\"\nseverity: warning\ntokens: [rest assured]\n", "platitude.yml");
  auto rules = loaded.rules;
  rules.merge(draftlint::RuleSet::load_string(
                  "kind: substitution\nmessage: m\nseverity: warning\nswap:\n  prior to: before\n", "wordy.yml")
                  .rules);
  const auto linter = draftlint::Linter::compile(rules).linter;
  ASSERT_TRUE(linter);
  const auto r = draftlint::fix_all(*linter, "Rest assured, prior to noon.", {});
  EXPECT_EQ(r.text, "Rest assured, before noon.");
  ASSERT_EQ(r.remaining.size(), 1u);
  EXPECT_EQ(r.remaining[0].rule, "platitude");
}

// --- unified_diff -----------------------------------------------------------------------------

TEST(UnifiedDiff, EqualTextsGiveNothing) { EXPECT_EQ(draftlint::unified_diff("a\nb\n", "a\nb\n", "x.txt"), ""); }

TEST(UnifiedDiff, OneChangedLineWithThreeLinesOfContext) {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  const std::string after = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n";
  EXPECT_EQ(draftlint::unified_diff(before, after, "notes/a.txt"),
            "--- a/notes/a.txt\n+++ b/notes/a.txt\n"
            "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n");
}

TEST(UnifiedDiff, DistantChangesMakeTwoHunksNearbyOnesOne) {
  std::string before, far_after, near_after;
  for (int i = 1; i <= 20; ++i) before += std::to_string(i) + "\n";
  far_after = before;
  far_after.replace(far_after.find("2\n"), 2, "two\n");
  far_after.replace(far_after.find("19\n"), 3, "nineteen\n");
  EXPECT_EQ(draftlint::unified_diff(before, far_after, "f"),
            "--- a/f\n+++ b/f\n"
            "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
            "@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n");
  // Six unchanged lines between two changes: one hunk.
  near_after = before;
  near_after.replace(near_after.find("\n3\n") + 1, 2, "three\n");
  near_after.replace(near_after.find("\n10\n") + 1, 3, "ten\n");
  EXPECT_EQ(draftlint::unified_diff(before, near_after, "f"),
            "--- a/f\n+++ b/f\n"
            "@@ -1,13 +1,13 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n");
}

TEST(UnifiedDiff, MissingFinalNewlineIsMarked) {
  EXPECT_EQ(draftlint::unified_diff("a\nprior to", "a\nbefore", "x"),
            "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-prior to\n\\ No newline at end of file\n+before\n"
            "\\ No newline at end of file\n");
}

TEST(UnifiedDiff, InsertionsAndDeletionsCountLikeDiff) {
  EXPECT_EQ(draftlint::unified_diff("", "new\n", "x"), "--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+new\n");
  EXPECT_EQ(draftlint::unified_diff("old\n", "", "x"), "--- a/x\n+++ b/x\n@@ -1 +0,0 @@\n-old\n");
  EXPECT_EQ(draftlint::unified_diff("a\nb\n", "a\nb\nc\n", "x", 0), "--- a/x\n+++ b/x\n@@ -2,0 +3 @@\n+c\n");
}

TEST(UnifiedDiff, LabelsAreRelative) {
  const std::string d = draftlint::unified_diff("a\n", "b\n", "./x/y.md");
  EXPECT_EQ(d.substr(0, d.find("@@")), "--- a/x/y.md\n+++ b/x/y.md\n");
}

// --- writing files ----------------------------------------------------------------------------

class FixDir {
 public:
  FixDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() / ("draftlint-fix-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~FixDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  fs::path write(const std::string& name, std::string_view content) const {
    std::ofstream(path_ / name, std::ios::binary) << content;
    return path_ / name;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(AtomicWrite, ReplacesTheContentAndKeepsTheMode) {
  FixDir dir;
  const fs::path file = dir.write("notice.txt", "prior to noon\n");
  ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
  const auto stamp = draftlint::stamp_file(file, "prior to noon\n");
  ASSERT_TRUE(stamp);
  const auto written = draftlint::write_file_atomically(file, "before noon\n", *stamp);
  ASSERT_TRUE(written.ok()) << written.error;
  EXPECT_EQ(slurp(file), "before noon\n");
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(entries(dir.path()), 1u);  // no temporary file left behind
}

TEST(AtomicWrite, RefusesAFileThatChangedAfterItWasRead) {
  FixDir dir;
  const fs::path file = dir.write("notice.txt", "prior to noon\n");
  const auto stamp = draftlint::stamp_file(file, "prior to noon\n");
  ASSERT_TRUE(stamp);
  dir.write("notice.txt", "someone else's edit\n");
  const auto written = draftlint::write_file_atomically(file, "before noon\n", *stamp);
  EXPECT_EQ(written.status, draftlint::WriteStatus::changed_on_disk);
  EXPECT_EQ(slurp(file), "someone else's edit\n");
  EXPECT_EQ(entries(dir.path()), 1u);
}

TEST(AtomicWrite, RefusesWhenTheBytesReadAreNotTheFile) {
  FixDir dir;
  const fs::path file = dir.write("notice.txt", "on disk\n");
  // Same size and time, other content: only the hash can tell.
  const auto stamp = draftlint::stamp_file(file, "ON DISK\n");
  ASSERT_TRUE(stamp);
  EXPECT_EQ(draftlint::write_file_atomically(file, "x\n", *stamp).status, draftlint::WriteStatus::changed_on_disk);
  EXPECT_EQ(slurp(file), "on disk\n");
}

TEST(AtomicWrite, WritesThroughASymbolicLink) {
  FixDir dir;
  const fs::path target = dir.write("real.txt", "prior to\n");
  const fs::path link = dir.path() / "link.txt";
  fs::create_symlink("real.txt", link);
  const auto stamp = draftlint::stamp_file(link, "prior to\n");
  ASSERT_TRUE(stamp);
  ASSERT_TRUE(draftlint::write_file_atomically(link, "before\n", *stamp).ok());
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(slurp(target), "before\n");
}

TEST(AtomicWrite, AMissingFileCannotBeStamped) {
  FixDir dir;
  EXPECT_FALSE(draftlint::stamp_file(dir.path() / "nope.txt", ""));
}

}  // namespace
