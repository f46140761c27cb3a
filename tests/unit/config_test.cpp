// Repository configuration (.draftlint.yml): loading and its errors (file:line:column),
// discovery (stops after a directory holding .git), overrides in order, exclude globs, glob
// semantics, `accept`, and the starter file `draftlint init` writes.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

namespace {

namespace fs = std::filesystem;
using draftlint::Config;
using draftlint::ConfigResult;
using draftlint::FileSettings;
using draftlint::InputFormat;
using draftlint::Severity;

// A fresh directory under the system's temporary directory, removed at the end.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("draftlint-config-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
    path_ = fs::canonical(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path write(const fs::path& relative, std::string_view content) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }
  fs::path mkdir(const fs::path& relative) const {
    fs::create_directories(path_ / relative);
    return path_ / relative;
  }

 private:
  fs::path path_;
};

ConfigResult load(const TempDir& dir, std::string_view yaml) {
  return Config::load(dir.write(".draftlint.yml", yaml));
}

// Each problem as "line:column: message" (the file is checked separately).
std::vector<std::string> problems(const ConfigResult& r, const fs::path& file) {
  std::vector<std::string> out;
  for (const auto& p : r.problems) {
    EXPECT_EQ(p.file, file.string()) << p.to_string();
    out.push_back(std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + p.message);
  }
  return out;
}

std::vector<std::string> strings(std::initializer_list<const char*> items) { return {items.begin(), items.end()}; }

}  // namespace

// --- loading and its errors ----------------------------------------------------------------------

TEST(ConfigLoad, EmptyFileIsAValidConfiguration) {
  TempDir dir;
  const ConfigResult r = load(dir, "");
  EXPECT_TRUE(r.ok());
  const FileSettings s = r.config.settings_for(dir.path() / "a.md");
  EXPECT_FALSE(s.builtin.has_value());
  EXPECT_FALSE(s.select.has_value());
  EXPECT_FALSE(s.fail_on.has_value());
  EXPECT_TRUE(s.ignore.empty());
  EXPECT_EQ(r.config.path(), dir.path() / ".draftlint.yml");
  EXPECT_EQ(r.config.directory(), dir.path());
}

TEST(ConfigLoad, UnknownKeyNamesPlaceAndSuggestsNearMiss) {
  TempDir dir;
  const ConfigResult r = load(dir, "builtin: true\nselct: [platitude]\n");
  EXPECT_EQ(problems(r, dir.path() / ".draftlint.yml"),
            strings({"2:1: unknown key 'selct'; did you mean 'select'?"}));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].to_string(),
            (dir.path() / ".draftlint.yml").string() + ":2:1: unknown key 'selct'; did you mean 'select'?");
}

TEST(ConfigLoad, UnknownKeyFarFromEveryKeyHasNoSuggestion) {
  TempDir dir;
  const ConfigResult r = load(dir, "zzzzzzzz: 1\n");
  EXPECT_EQ(problems(r, dir.path() / ".draftlint.yml"), strings({"1:1: unknown key 'zzzzzzzz'"}));
}

TEST(ConfigLoad, SelectAsAStringIsAWrongType) {
  TempDir dir;
  const ConfigResult r = load(dir, "builtin: true\nselect: platitude\n");
  EXPECT_EQ(problems(r, dir.path() / ".draftlint.yml"),
            strings({"2:9: 'select' must be a list of strings, not a string"}));
}

TEST(ConfigLoad, BuiltinMustBeABoolean) {
  TempDir dir;
  const ConfigResult r = load(dir, "builtin: maybe\n");
  EXPECT_EQ(problems(r, dir.path() / ".draftlint.yml"), strings({"1:10: 'builtin' must be true or false"}));
}

TEST(ConfigLoad, BadSeveritiesAreReportedWhereTheyAre) {
  TempDir dir;
  const ConfigResult r = load(dir, "fail_on: high\nseverity:\n  platitude: loud\n");
  EXPECT_EQ(problems(r, dir.path() / ".draftlint.yml"),
            strings({"1:10: bad severity 'high' for 'fail_on': expected error, warning or suggestion",
                     "3:14: bad severity 'loud' for rule 'platitude': expected error, warning or suggestion"}));
}

TEST(ConfigLoad, BadFormatIsReportedAtTheValue) {
  TempDir dir;
  const ConfigResult r = load(dir, "formats:\n  .tmpl: pdf\n");
  EXPECT_EQ(problems(r, dir.path() / ".draftlint.yml"), strings({"2:10: a format must be text, markdown or html"}));
}

TEST(ConfigLoad, FilesAtTopLevelIsAnError) {
  TempDir dir;
  const ConfigResult r = load(dir, "ignore: [platitude]\nfiles: [\"legal/**\"]\n");
  EXPECT_EQ(problems(r, dir.path() / ".draftlint.yml"),
            strings({"2:1: 'files' belongs inside an entry of 'overrides'"}));
}

TEST(ConfigLoad, OverrideWithoutFilesIsAnError) {
  TempDir dir;
  const ConfigResult r = load(dir, "overrides:\n  - ignore: [platitude]\n");
  EXPECT_EQ(problems(r, dir.path() / ".draftlint.yml"), strings({"2:5: an override needs 'files' (a list of globs)"}));
}

TEST(ConfigLoad, ExcludeInsideAnOverrideIsAnError) {
  TempDir dir;
  const ConfigResult r = load(dir, "overrides:\n  - files: [\"legal/**\"]\n    exclude: [\"drafts/**\"]\n");
  EXPECT_EQ(problems(r, dir.path() / ".draftlint.yml"),
            strings({"3:5: 'exclude' is only allowed at the top level, not in 'overrides'"}));
}

TEST(ConfigLoad, UnknownKeyInsideAnOverrideSuggestsNearMiss) {
  TempDir dir;
  const ConfigResult r = load(dir, "overrides:\n  - files: [\"legal/**\"]\n    ignroe: [platitude]\n");
  EXPECT_EQ(problems(r, dir.path() / ".draftlint.yml"),
            strings({"3:5: unknown key 'ignroe'; did you mean 'ignore'?"}));
}

TEST(ConfigLoad, ReportsEveryProblemNotJustTheFirst) {
  TempDir dir;
  const ConfigResult r = load(dir, "selct: [a]\nbuiltin: maybe\nfail_on: high\nformats: {.x: pdf}\n");
  EXPECT_EQ(r.problems.size(), 4u);
  for (const auto& p : r.problems) {
    EXPECT_GT(p.line, 0) << p.to_string();
    EXPECT_GT(p.column, 0) << p.to_string();
  }
}

TEST(ConfigLoad, InvalidYamlAndNonMappingAreErrorsWithAPlace) {
  TempDir dir;
  const ConfigResult broken = load(dir, "select: [a, b\nignore: [c]\n");
  ASSERT_EQ(broken.problems.size(), 1u);
  EXPECT_GT(broken.problems[0].line, 0);
  EXPECT_NE(broken.problems[0].message.find("YAML"), std::string::npos) << broken.problems[0].to_string();
  const ConfigResult list = load(dir, "- select\n- ignore\n");
  EXPECT_EQ(problems(list, dir.path() / ".draftlint.yml"), strings({"1:1: a configuration file must be a YAML mapping"}));
}

TEST(ConfigLoad, MissingFileIsAProblemWithoutPlace) {
  TempDir dir;
  const ConfigResult r = Config::load(dir.path() / "nope.yml");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 0);
  EXPECT_EQ(r.problems[0].file, (dir.path() / "nope.yml").string());
}

// --- discovery -------------------------------------------------------------------------------------

TEST(ConfigDiscover, WalksUpAndStopsAfterTheDirectoryHoldingGit) {
  TempDir dir;
  dir.write(".draftlint.yml", "builtin: true\n");  // outside the repository: never used
  dir.mkdir("repo/.git");
  const fs::path file = dir.write("repo/notices/2024/late.md", "x");
  EXPECT_EQ(Config::discover(file), std::nullopt);

  const fs::path root_config = dir.write("repo/.draftlint.yml", "");
  EXPECT_EQ(Config::discover(file), root_config);
  EXPECT_EQ(Config::discover(dir.path() / "repo/notices"), root_config);
  EXPECT_EQ(Config::discover(dir.path() / "repo/notices/2024/not-yet-written.md"), root_config);

  const fs::path nearer = dir.write("repo/notices/.draftlint.yaml", "");
  EXPECT_EQ(Config::discover(file), nearer);
  EXPECT_EQ(Config::discover(dir.path() / "repo/other.md"), root_config);
}

TEST(ConfigDiscover, PrefersYmlOverYamlInOneDirectory) {
  TempDir dir;
  dir.mkdir(".git");
  dir.write(".draftlint.yaml", "");
  const fs::path yml = dir.write(".draftlint.yml", "");
  EXPECT_EQ(Config::discover(dir.path() / "a.md"), yml);
}

TEST(ConfigDiscover, GitFileOfAWorktreeAlsoStopsTheWalk) {
  TempDir dir;
  dir.write(".draftlint.yml", "");
  dir.write("sub/.git", "gitdir: ../.git/worktrees/sub\n");
  EXPECT_EQ(Config::discover(dir.write("sub/a.md", "x")), std::nullopt);
}

TEST(ConfigDiscover, FindsConfigurationInTheGitRootItself) {
  TempDir dir;
  dir.mkdir("repo/.git");
  const fs::path config = dir.write("repo/.draftlint.yml", "");
  EXPECT_EQ(Config::discover(dir.write("repo/a.md", "x")), config);
}

// --- paths of a discovered configuration stay inside the repository --------------------------------

namespace {

constexpr std::string_view kRule = "kind: existence\nmessage: m\nseverity: warning\ntokens: [alpha]\n";

// outside/pack holds a rule; repo/ is a repository whose configuration tries to reach it.
struct Escape {
  TempDir dir;
  fs::path repo = dir.mkdir("repo");
  fs::path outside = dir.mkdir("outside");
  Escape() {
    dir.mkdir("repo/.git");
    dir.write("outside/pack/alpha-rule.yml", kRule);
    dir.write("repo/house/beta-rule.yml", kRule);
  }
  ConfigResult load(std::string_view yaml, bool rooted = true) const {
    const fs::path file = dir.write("repo/.draftlint.yml", yaml);
    return rooted ? Config::load(file, Config::repository_root(file)) : Config::load(file);
  }
};

}  // namespace

TEST(ConfigRoot, RepositoryRootIsTheNearestGitDirectoryElseTheConfigurationDirectory) {
  TempDir dir;
  dir.mkdir("repo/.git");
  EXPECT_EQ(Config::repository_root(dir.path() / "repo/.draftlint.yml"), dir.path() / "repo");
  EXPECT_EQ(Config::repository_root(dir.path() / "repo/a/b/.draftlint.yml"), dir.path() / "repo");
  // No .git above (the temporary directory is not in a repository): the file's directory.
  EXPECT_EQ(Config::repository_root(dir.path() / "plain/.draftlint.yml"), dir.path() / "plain");
}

TEST(ConfigRoot, DotDotOutOfTheRepositoryIsRefusedAtTheEntry) {
  Escape e;
  const ConfigResult r = e.load("builtin: true\nrules: [house, ../outside/pack]\n");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].file, (e.repo / ".draftlint.yml").string());
  EXPECT_EQ(r.problems[0].line, 2);
  EXPECT_EQ(r.problems[0].column, 16);
  EXPECT_EQ(r.problems[0].message,
            "rules path '../outside/pack' resolves outside the repository root '" + e.repo.string() + "' (to '" +
                (e.outside / "pack").string() + "'); name it on the command line with --rules to use it");
}

TEST(ConfigRoot, DotDotThatStaysInsideIsAccepted) {
  Escape e;
  const ConfigResult r = e.load("rules: [house/../house, ./house]\n");
  EXPECT_TRUE(r.ok()) << r.problems[0].to_string();
  const FileSettings s = r.config.settings_for(e.repo / "a.md");
  EXPECT_EQ(s.rule_dirs, (std::vector<fs::path>{e.repo / "house", e.repo / "house"}));
}

TEST(ConfigRoot, AbsolutePathOutsideIsRefusedInsideIsAccepted) {
  Escape e;
  EXPECT_FALSE(e.load("rules: ['" + (e.outside / "pack").string() + "']\n").ok());
  EXPECT_TRUE(e.load("rules: ['" + (e.repo / "house").string() + "']\n").ok());
}

TEST(ConfigRoot, SymlinkedDirectoryPointingOutsideIsRefused) {
  Escape e;
  fs::create_directory_symlink(e.outside / "pack", e.repo / "linked");
  const ConfigResult r = e.load("overrides:\n  - files: [\"*.md\"]\n    rules: [linked]\n");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 3);
  EXPECT_EQ(r.problems[0].column, 13);
  EXPECT_NE(r.problems[0].message.find("rules path 'linked' resolves outside the repository root"), std::string::npos)
      << r.problems[0].message;
}

TEST(ConfigRoot, SymlinkedDirectoryInsideTheRepositoryIsAccepted) {
  Escape e;
  fs::create_directory_symlink(e.repo / "house", e.repo / "alias");
  EXPECT_TRUE(e.load("rules: [alias]\n").ok());
}

TEST(ConfigRoot, RuleFileLinkedOutsideIsRefused) {
  Escape e;
  fs::create_symlink(e.outside / "pack/alpha-rule.yml", e.repo / "house/alpha-rule.yml");
  const ConfigResult r = e.load("rules: [house]\n");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 1);
  EXPECT_EQ(r.problems[0].column, 9);
  EXPECT_EQ(r.problems[0].message, "rule file 'alpha-rule.yml' in rules path 'house' resolves to '" +
                                       (e.outside / "pack/alpha-rule.yml").string() +
                                       "', outside the repository root '" + e.repo.string() +
                                       "'; name the pack on the command line with --rules to use it");
}

TEST(ConfigRoot, RecognizerDirectoryLinkedOutsideIsRefused) {
  Escape e;
  e.dir.write("outside/recognizers/when.yml", "patterns: [x]\n");
  fs::create_directory_symlink(e.outside / "recognizers", e.repo / "house/recognizers");
  const ConfigResult r = e.load("rules: [house]\n");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].message.find("rule file 'recognizers/when.yml'"), std::string::npos) << r.problems[0].message;
}

TEST(ConfigRoot, DanglingOrLoopingRuleLinkIsRefused) {
  Escape e;
  fs::create_symlink(e.repo / "house/self.yml", e.repo / "house/self.yml");
  EXPECT_FALSE(e.load("rules: [house]\n").ok());
}

TEST(ConfigRoot, ConfigurationFileLinkedOutsideIsNotRead) {
  Escape e;
  const fs::path real = e.dir.write("outside/.draftlint.yml", "secret: value\n");
  fs::create_symlink(real, e.repo / "sub.yml");
  const ConfigResult r = Config::load(e.repo / "sub.yml", e.repo);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 0);
  EXPECT_NE(r.problems[0].message.find("outside the repository root"), std::string::npos);
  EXPECT_NE(r.problems[0].message.find("--config"), std::string::npos);
  EXPECT_EQ(r.problems[0].message.find("secret"), std::string::npos);  // never read
}

TEST(ConfigRoot, WithoutARootEveryPathIsTrusted) {
  Escape e;
  fs::create_symlink(e.outside / "pack/alpha-rule.yml", e.repo / "house/alpha-rule.yml");
  const ConfigResult r = e.load("rules: [house, ../outside/pack]\n", false);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.config.settings_for(e.repo / "a.md").rule_dirs,
            (std::vector<fs::path>{e.repo / "house", e.outside / "pack"}));
}

// --- settings_for: overrides in order ------------------------------------------------------------

namespace {

constexpr std::string_view kLayered = R"(select: [a-rule, b-rule]
ignore: [c-rule]
accept: ["Acme Care"]
severity: {a-rule: error, b-rule: suggestion}
fail_on: warning
front_matter: [subject]
formats: {.tmpl: html}
overrides:
  - files: ["legal/**"]
    ignore: [d-rule]
    accept: ["Legal Desk"]
    severity: {a-rule: warning}
  - files: ["legal/terms/*.md", "*.legal.md"]
    select: [e-rule]
    fail_on: error
    front_matter: [title]
    formats: {tmpl: markdown, .note: text}
    builtin: false
    rules: [legal-pack]
)";

}  // namespace

TEST(ConfigSettings, TopLevelAppliesWhenNoOverrideMatches) {
  TempDir dir;
  const ConfigResult r = load(dir, kLayered);
  ASSERT_TRUE(r.ok()) << r.problems[0].to_string();
  const FileSettings s = r.config.settings_for(dir.path() / "notes/a.md");
  EXPECT_EQ(s.select, strings({"a-rule", "b-rule"}));
  EXPECT_EQ(s.ignore, strings({"c-rule"}));
  EXPECT_EQ(s.accept, strings({"Acme Care"}));
  EXPECT_EQ(s.severity.size(), 2u);
  EXPECT_EQ(s.severity.at("a-rule"), Severity::error);
  EXPECT_EQ(s.severity.at("b-rule"), Severity::suggestion);
  EXPECT_EQ(s.fail_on, Severity::warning);
  EXPECT_EQ(s.front_matter, strings({"subject"}));
  EXPECT_EQ(s.formats.size(), 1u);
  EXPECT_EQ(s.formats.at(".tmpl"), InputFormat::html);
  EXPECT_FALSE(s.builtin.has_value());
  EXPECT_TRUE(s.rule_dirs.empty());
}

TEST(ConfigSettings, OverrideExtendsIgnoreAndAcceptAndMergesSeverity) {
  TempDir dir;
  const ConfigResult r = load(dir, kLayered);
  ASSERT_TRUE(r.ok());
  const FileSettings s = r.config.settings_for(dir.path() / "legal/privacy.md");
  EXPECT_EQ(s.select, strings({"a-rule", "b-rule"}));
  EXPECT_EQ(s.ignore, strings({"c-rule", "d-rule"}));
  EXPECT_EQ(s.accept, strings({"Acme Care", "Legal Desk"}));
  EXPECT_EQ(s.severity.at("a-rule"), Severity::warning);
  EXPECT_EQ(s.severity.at("b-rule"), Severity::suggestion);
  EXPECT_EQ(s.fail_on, Severity::warning);
}

TEST(ConfigSettings, LaterOverrideReplacesSelectFailOnBuiltinAndAddsTheRest) {
  TempDir dir;
  const ConfigResult r = load(dir, kLayered);
  ASSERT_TRUE(r.ok());
  const FileSettings s = r.config.settings_for(dir.path() / "legal/terms/refunds.md");
  EXPECT_EQ(s.select, strings({"e-rule"}));
  EXPECT_EQ(s.ignore, strings({"c-rule", "d-rule"}));
  EXPECT_EQ(s.accept, strings({"Acme Care", "Legal Desk"}));
  EXPECT_EQ(s.severity.at("a-rule"), Severity::warning);
  EXPECT_EQ(s.fail_on, Severity::error);
  EXPECT_EQ(s.front_matter, strings({"subject", "title"}));
  EXPECT_EQ(s.formats.at(".tmpl"), InputFormat::markdown);
  EXPECT_EQ(s.formats.at(".note"), InputFormat::text);
  EXPECT_EQ(s.builtin, false);
  ASSERT_EQ(s.rule_dirs.size(), 1u);
  EXPECT_EQ(s.rule_dirs[0], dir.path() / "legal-pack");
}

TEST(ConfigSettings, OverrideGlobsFollowGlobRules) {
  TempDir dir;
  const ConfigResult r = load(dir, kLayered);
  ASSERT_TRUE(r.ok());
  // "legal/terms/*.md" does not reach into a subdirectory...
  EXPECT_EQ(r.config.settings_for(dir.path() / "legal/terms/old/refunds.md").select, strings({"a-rule", "b-rule"}));
  // ...a bare "*.legal.md" matches at any depth, but not outside the pattern.
  EXPECT_EQ(r.config.settings_for(dir.path() / "deep/down/x.legal.md").select, strings({"e-rule"}));
  EXPECT_EQ(r.config.settings_for(dir.path() / "x.legal.txt").select, strings({"a-rule", "b-rule"}));
  // "legal/**" is relative to the configuration's directory.
  EXPECT_EQ(r.config.settings_for(dir.path() / "other/legal/x.md").ignore, strings({"c-rule"}));
}

TEST(ConfigSettings, OverrideFrontMatterIsAvailableWithoutTopLevel) {
  TempDir dir;
  const ConfigResult r = load(dir, "overrides:\n  - files: [\"*.md\"]\n    front_matter: [subject]\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.config.settings_for(dir.path() / "a.md").front_matter, strings({"subject"}));
  EXPECT_TRUE(r.config.settings_for(dir.path() / "a.txt").front_matter.empty());
}

// --- exclude -----------------------------------------------------------------------------------------

TEST(ConfigExclude, MatchesGlobsRelativeToTheConfigurationDirectory) {
  TempDir dir;
  const ConfigResult r = load(dir, "exclude: [\"drafts/**\", \"*.tmp.md\", \"vendor\", \"/root-only.md\"]\n");
  ASSERT_TRUE(r.ok());
  const Config& c = r.config;
  const fs::path d = dir.path();
  EXPECT_TRUE(c.excluded(d / "drafts/a.md"));
  EXPECT_TRUE(c.excluded(d / "drafts/deep/b.md"));
  EXPECT_FALSE(c.excluded(d / "notes/drafts/a.md"));
  EXPECT_FALSE(c.excluded(d / "drafts.md"));
  EXPECT_TRUE(c.excluded(d / "x.tmp.md"));
  EXPECT_TRUE(c.excluded(d / "notes/deep/x.tmp.md"));
  EXPECT_FALSE(c.excluded(d / "x.md"));
  EXPECT_FALSE(c.excluded(d / "x.tmp.md.txt"));
  EXPECT_TRUE(c.excluded(d / "vendor"));
  EXPECT_TRUE(c.excluded(d / "a/vendor/lib.md"));
  EXPECT_FALSE(c.excluded(d / "vendors/x.md"));
  EXPECT_FALSE(c.excluded(d / "a/my-vendor/x.md"));
  EXPECT_TRUE(c.excluded(d / "root-only.md"));
  EXPECT_FALSE(c.excluded(d / "sub/root-only.md"));
  EXPECT_FALSE(c.excluded(d / "notes/a.md"));
}

TEST(ConfigExclude, NothingIsExcludedWithoutExclude) {
  TempDir dir;
  const ConfigResult r = load(dir, "ignore: [x]\n");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.config.excluded(dir.path() / "drafts/a.md"));
}

// --- glob_match ---------------------------------------------------------------------------------------

TEST(Glob, StarStaysInsideOneDirectory) {
  using draftlint::glob_match;
  EXPECT_TRUE(glob_match("notes/*.md", "notes/a.md"));
  EXPECT_FALSE(glob_match("notes/*.md", "notes/sub/a.md"));
  EXPECT_TRUE(glob_match("notes/*/a.md", "notes/x/a.md"));
  EXPECT_FALSE(glob_match("notes/*/a.md", "notes/x/y/a.md"));
  EXPECT_FALSE(glob_match("a*z", "a/z"));
  EXPECT_TRUE(glob_match("a*z", "abcz"));
  EXPECT_TRUE(glob_match("*.md", "a.md"));
  EXPECT_TRUE(glob_match("*.md", "deep/dir/a.md"));  // bare: any directory
  EXPECT_FALSE(glob_match("*.md", "a.mdx"));
  EXPECT_FALSE(glob_match("*.md", "a.txt"));
}

TEST(Glob, DoubleStarCrossesDirectories) {
  using draftlint::glob_match;
  EXPECT_TRUE(glob_match("drafts/**", "drafts/a.md"));
  EXPECT_TRUE(glob_match("drafts/**", "drafts/x/y/z.md"));
  EXPECT_FALSE(glob_match("drafts/**", "other/drafts/a.md"));
  EXPECT_TRUE(glob_match("docs/**/a.md", "docs/a.md"));
  EXPECT_TRUE(glob_match("docs/**/a.md", "docs/x/y/a.md"));
  EXPECT_FALSE(glob_match("docs/**/a.md", "docs/x/y/b.md"));
  EXPECT_TRUE(glob_match("**/old/*.md", "old/a.md"));
  EXPECT_TRUE(glob_match("**/old/*.md", "x/y/old/a.md"));
  EXPECT_FALSE(glob_match("**/old/*.md", "x/older/a.md"));
  EXPECT_TRUE(glob_match("**", "any/thing/at/all.md"));
}

TEST(Glob, QuestionMarkIsOneCharacterButNotSlash) {
  using draftlint::glob_match;
  EXPECT_TRUE(glob_match("file?.md", "file1.md"));
  EXPECT_FALSE(glob_match("file?.md", "file10.md"));
  EXPECT_FALSE(glob_match("file?.md", "file.md"));
  EXPECT_FALSE(glob_match("a?b/x.md", "a/b/x.md"));
}

TEST(Glob, ClassesAndNegatedClasses) {
  using draftlint::glob_match;
  EXPECT_TRUE(glob_match("[abc].md", "a.md"));
  EXPECT_TRUE(glob_match("[abc].md", "c.md"));
  EXPECT_FALSE(glob_match("[abc].md", "d.md"));
  EXPECT_TRUE(glob_match("[!abc].md", "d.md"));
  EXPECT_FALSE(glob_match("[!abc].md", "a.md"));
  EXPECT_TRUE(glob_match("v[0-9].md", "v7.md"));
  EXPECT_FALSE(glob_match("v[0-9].md", "vx.md"));
}

TEST(Glob, OtherCharactersAreLiteral) {
  using draftlint::glob_match;
  EXPECT_TRUE(glob_match("a.b", "a.b"));
  EXPECT_FALSE(glob_match("a.b", "axb"));
  EXPECT_TRUE(glob_match("c++ notes/(old)+.md", "c++ notes/(old)+.md"));
  EXPECT_FALSE(glob_match("c++ notes/(old)+.md", "cc notes/old.md"));
  EXPECT_TRUE(glob_match("notes/caf\u00e9-*.md", "notes/caf\u00e9-1.md"));
}

TEST(Glob, DirectoryGlobCoversEverythingBelowIt) {
  using draftlint::glob_match;
  EXPECT_TRUE(glob_match("legal", "legal/terms/a.md"));
  EXPECT_TRUE(glob_match("legal", "x/legal/a.md"));
  EXPECT_TRUE(glob_match("legal/terms", "legal/terms/a.md"));
  EXPECT_FALSE(glob_match("legal/terms", "legal/termsheet.md"));
  EXPECT_TRUE(glob_match("/top.md", "top.md"));
  EXPECT_FALSE(glob_match("/top.md", "a/top.md"));
}

// --- accept ---------------------------------------------------------------------------------------------

TEST(ConfigAccept, SilencesSpanFindingsButNotWholeSentenceFindings) {
  using draftlint::Linter;
  using draftlint::RuleSet;
  RuleSet set;
  for (const auto& [yaml, name] :
       {std::pair{"kind: existence\nmessage: m\nseverity: warning\ntokens: [priority, support]\n", "plain-probe.yml"},
        std::pair{"kind: required\nmessage: Say when.\nseverity: warning\nscope: document\npatterns: ['@time']\n",
                  "timeline-probe.yml"}}) {
    const auto loaded = RuleSet::load_string(yaml, name);
    ASSERT_TRUE(loaded.ok()) << loaded.problems[0].to_string();
    set.merge(loaded.rules);
  }
  draftlint::LintOptions options;
  options.accept = {"Priority Support"};
  const auto compiled = Linter::compile(set, options);
  ASSERT_TRUE(compiled.ok()) << compiled.problems[0].to_string();
  const std::string text = "Priority Support is late on your ticket. Our support team has the priority list.\n";
  std::vector<std::string> found;
  for (const auto& d : compiled.linter->lint(text)) {
    found.push_back(d.rule + " " + std::to_string(d.start.column) + " " + d.match);
  }
  EXPECT_EQ(found, strings({"timeline-probe 1 Priority Support is late on your ticket.", "plain-probe 46 support",
                            "plain-probe 67 priority"}));
}

// --- the starter configuration -------------------------------------------------------------------------

TEST(ConfigStarter, LoadsCleanlyWithTheDocumentedDefaults) {
  TempDir dir;
  const fs::path file = dir.write(".draftlint.yml", Config::starter());
  const ConfigResult r = Config::load(file);
  EXPECT_TRUE(r.ok()) << (r.problems.empty() ? "" : r.problems[0].to_string());
  const FileSettings s = r.config.settings_for(dir.path() / "notices/a.md");
  EXPECT_EQ(s.builtin, true);
  EXPECT_EQ(s.fail_on, Severity::warning);
  EXPECT_EQ(s.front_matter, strings({"subject", "title"}));
  EXPECT_FALSE(s.select.has_value());
  EXPECT_FALSE(r.config.excluded(dir.path() / "drafts/a.md"));
  // What `draftlint init` writes is what a Workspace then uses without complaint.
  draftlint::Workspace workspace({});
  const draftlint::FilePlan plan = workspace.plan(dir.write("notices/a.md", "Hello.\n"));
  EXPECT_TRUE(plan.problems.empty()) << plan.problems[0].to_string();
  EXPECT_EQ(plan.config, file);
  EXPECT_TRUE(plan.linter);
  EXPECT_EQ(plan.document.format, InputFormat::markdown);
  EXPECT_EQ(plan.document.front_matter, strings({"subject", "title"}));
}
