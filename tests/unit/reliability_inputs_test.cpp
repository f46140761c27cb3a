// Hostile inputs for the library (docs/reliability.md): read_file() refuses what it cannot
// read safely, check_text() names UTF-16, the YAML loaders refuse alias bombs and deep nesting
// before yaml-cpp sees them, and deeply nested documents lint without crashing.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

namespace {

namespace fs = std::filesystem;
using draftlint::ReadOptions;
using draftlint::ReadStatus;

struct ScratchDir {
  fs::path path = fs::temp_directory_path() / ("draftlint-reliability-" + std::to_string(getpid()) + "-" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  ScratchDir() { fs::create_directories(path); }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return path / name;
  }
};

bool has_problem(const std::vector<draftlint::Problem>& problems, const std::string& needle) {
  for (const auto& p : problems) {
    if (p.to_string().find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string rule_head() { return "kind: existence\nseverity: warning\nmessage: \"x\"\n"; }

}  // namespace

TEST(ReliabilityInputs, RefusesFilesLargerThanTheLimitWithoutReadingThem) {
  ScratchDir dir;
  const fs::path file = dir.write("big.txt", std::string(3000, 'a'));
  const auto r = draftlint::read_file(file, ReadOptions{2048});
  EXPECT_EQ(r.status, ReadStatus::too_large);
  EXPECT_NE(r.error.find("the limit is 2 KiB"), std::string::npos) << r.error;
  EXPECT_TRUE(r.text.empty());
  EXPECT_TRUE(draftlint::read_file(file, ReadOptions{0}).ok());     // 0: no limit
  EXPECT_TRUE(draftlint::read_file(file, ReadOptions{3000}).ok());  // exactly the limit
  EXPECT_EQ(ReadOptions{}.max_size, 16u * 1024 * 1024);
}

TEST(ReliabilityInputs, DescribesSizes) {
  EXPECT_EQ(draftlint::describe_size(1), "1 byte");
  EXPECT_EQ(draftlint::describe_size(100), "100 bytes");
  EXPECT_EQ(draftlint::describe_size(1536), "1.5 KiB");
  EXPECT_EQ(draftlint::describe_size(16u << 20), "16 MiB");
}

TEST(ReliabilityInputs, RefusesFifosAndDevicesWithoutOpeningThem) {
  ScratchDir dir;
  const fs::path fifo = dir.path / "pipe.txt";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const auto r = draftlint::read_file(fifo);  // would block forever if opened for reading
  EXPECT_EQ(r.status, ReadStatus::unreadable);
  EXPECT_NE(r.error.find("not a regular file"), std::string::npos) << r.error;
  const auto null = draftlint::read_file("/dev/null");
  EXPECT_EQ(null.status, ReadStatus::unreadable);
  EXPECT_NE(null.error.find("not a regular file"), std::string::npos) << null.error;
}

TEST(ReliabilityInputs, ReportsAPathThatVanishedAfterListing) {
  ScratchDir dir;
  const fs::path file = dir.write("gone.txt", "We are sorry.\n");
  fs::remove(file);
  const auto r = draftlint::read_file(file);
  EXPECT_EQ(r.status, ReadStatus::not_found);
  EXPECT_EQ(r.error, "no such file or directory");
  EXPECT_EQ(draftlint::read_file(dir.path / "no-dir" / "x.txt").status, ReadStatus::not_found);
}

TEST(ReliabilityInputs, NamesUtf16AndUtf32ByTheirByteOrderMarks) {
  const auto le = draftlint::check_text(std::string("\xFF\xFEH\0i\0", 6));
  EXPECT_EQ(le.status, ReadStatus::unsupported_encoding);
  EXPECT_EQ(le.error, "UTF-16 is not supported; convert to UTF-8");
  const auto be = draftlint::check_text(std::string("\xFE\xFF\0H\0i", 6));
  EXPECT_EQ(be.status, ReadStatus::unsupported_encoding);
  EXPECT_EQ(be.error, "UTF-16 is not supported; convert to UTF-8");
  const auto utf32 = draftlint::check_text(std::string("\xFF\xFE\0\0H\0\0\0", 8));
  EXPECT_EQ(utf32.error, "UTF-32 is not supported; convert to UTF-8");
  EXPECT_TRUE(draftlint::check_text("\xEF\xBB\xBFHello").ok());  // a UTF-8 BOM is fine
}

TEST(ReliabilityInputs, RefusesYamlAliasBombs) {
  std::string yaml = rule_head() + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 9; ++j) yaml += (j ? ", *a" : "*a") + std::to_string(i - 1);
    yaml += "]\n";
  }
  yaml += "tokens: *a9\n";
  const auto loaded = draftlint::RuleSet::load_string(yaml, "bomb.yml");
  EXPECT_EQ(loaded.rules.size(), 0u);
  EXPECT_TRUE(has_problem(loaded.problems, "bomb.yml:")) << loaded.problems.size();
  EXPECT_TRUE(has_problem(loaded.problems, "too many YAML aliases"));
}

TEST(ReliabilityInputs, RefusesDeeplyNestedYamlBeforeParsingIt) {
  for (const std::string& body : {"tokens: " + std::string(100000, '[') + std::string(100000, ']') + "\n",
                                  "tokens: " + std::string(100000, '{'),
                                  // An apostrophe in a plain scalar must not hide what follows.
                                  "description: rock 'n roll\n  'tis\n" + std::string(100000, '['),
                                  "description: \"" + std::string(100000, '['),
                                  [] {
                                    std::string s = "tokens:\n";
                                    for (int i = 0; i < 100000; ++i) s += "- ";
                                    return s + "x\n";
                                  }()}) {
    const auto loaded = draftlint::RuleSet::load_string(rule_head() + body, "deep.yml");
    EXPECT_EQ(loaded.rules.size(), 0u);
    EXPECT_TRUE(has_problem(loaded.problems, "deep.yml:")) << body.substr(0, 20);
    EXPECT_TRUE(has_problem(loaded.problems, "YAML nested too deeply")) << body.substr(0, 20);
  }
}

TEST(ReliabilityInputs, KeepsOrdinaryYamlWithAnchorsQuotesAndRegexes) {
  const std::string yaml = rule_head() +
                           "tokens:\n  - '[not a flow * & sequence'\n  - \"{also [not\"\n  - Terms & Conditions\n"
                           "patterns:\n  - '\\b(?:a|b)*c'\n  - x[a-z]{2,3}\n# a comment with [[[[ and *star\n";
  const auto loaded = draftlint::RuleSet::load_string(yaml, "ordinary.yml");
  EXPECT_EQ(loaded.rules.size(), 1u);
  for (const auto& p : loaded.problems) ADD_FAILURE() << p.to_string();
}

TEST(ReliabilityInputs, RefusesOverlongPatterns) {
  const auto loaded =
      draftlint::RuleSet::load_string(rule_head() + "patterns:\n  - '" + std::string(20000, 'a') + "'\n", "long.yml");
  EXPECT_EQ(loaded.rules.size(), 0u);
  EXPECT_TRUE(has_problem(loaded.problems, "the limit is 16384 (16 KiB)"));
}

TEST(ReliabilityInputs, RefusesHostileConfigFiles) {
  ScratchDir dir;
  const auto deep = draftlint::Config::load(dir.write("deep.yml", "select: " + std::string(100000, '[')));
  EXPECT_TRUE(has_problem(deep.problems, "deep.yml:1:"));
  EXPECT_TRUE(has_problem(deep.problems, "YAML nested too deeply"));
  const auto big = draftlint::Config::load(dir.write("big.yml", "# " + std::string(2 << 20, 'x') + "\n"));
  EXPECT_TRUE(has_problem(big.problems, "the limit is 1048576 (1 MiB)"));
  const fs::path fifo = dir.path / "fifo.yml";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_TRUE(has_problem(draftlint::Config::load(fifo).problems, "not a regular file"));
}

TEST(ReliabilityInputs, LintsDeeplyNestedDocumentsWithoutCrashing) {
  const auto linter = draftlint::Linter::compile(draftlint::RuleSet::builtin().rules).linter;
  ASSERT_TRUE(linter);
  const std::string apology = "We apologize for any inconvenience this may have caused.";
  draftlint::DocumentOptions as_html, as_markdown;
  as_html.format = draftlint::InputFormat::html;
  as_markdown.format = draftlint::InputFormat::markdown;
  // HTML at 10,000 levels: gumbo's tree construction is quadratic in the depth (100,000 take
  // about a minute), see docs/reliability.md.
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += apology;
  for (int i = 0; i < 10000; ++i) html += "</div>";
  (void)linter->lint(html, as_html);
  std::string quotes;
  for (int i = 0; i < 100000; ++i) quotes += "> ";
  (void)linter->lint(quotes + apology + "\n", as_markdown);
  std::string lists;
  for (int i = 0; i < 100000; ++i) lists += "- ";
  (void)linter->lint(lists + apology + "\n", as_markdown);
  SUCCEED();  // reaching here is the test
}
