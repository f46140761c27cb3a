// Workspace: which configuration and which linter apply to each file. Command-line options
// win over the configuration (select replaces, ignore adds, fail_on replaces, no_builtin),
// a broken configuration is reported once however many files use it, and files with
// different overrides get different linters.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

namespace {

namespace fs = std::filesystem;
using draftlint::FilePlan;
using draftlint::InputFormat;
using draftlint::Severity;
using draftlint::Workspace;
using draftlint::WorkspaceOptions;

// A repository in a fresh temporary directory: .git, a pack of three rules in pack/, and
// whatever configuration a test writes.
class Repo {
 public:
  Repo() {
    static std::atomic<int> counter{0};
    root_ = fs::temp_directory_path() /
            ("draftlint-workspace-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    fs::create_directories(root_ / ".git");
    root_ = fs::canonical(root_);
    for (const auto& [id, word] : {std::pair{"alpha-rule", "alpha"}, std::pair{"beta-rule", "beta"},
                                   std::pair{"gamma-rule", "gamma"}}) {
      write(std::string("pack/") + id + ".yml",
            std::string("kind: existence\nmessage: m\nseverity: warning\ntokens: [") + word + "]\n");
    }
    write("other-pack/delta-rule.yml", "kind: existence\nmessage: m\nseverity: error\ntokens: [delta]\n");
  }
  ~Repo() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  const fs::path& root() const { return root_; }
  fs::path write(const fs::path& relative, std::string_view content) const {
    const fs::path file = root_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  fs::path root_;
};

std::vector<std::string> active(const FilePlan& plan) {
  std::vector<std::string> ids;
  if (!plan.linter) return {"<no linter>"};
  for (const auto& info : plan.linter->rules().info()) ids.push_back(info.id);
  return ids;
}

std::vector<std::string> strings(std::initializer_list<const char*> items) { return {items.begin(), items.end()}; }

std::string problems(const FilePlan& plan) {
  std::string out;
  for (const auto& p : plan.problems) out += p.to_string() + "\n";
  return out;
}

constexpr std::string_view kConfig =
    "builtin: false\nrules: [pack]\nselect: [alpha-rule, beta-rule]\nfail_on: error\n";

}  // namespace

TEST(Workspace, UsesTheDiscoveredConfiguration) {
  Repo repo;
  const fs::path config = repo.write(".draftlint.yml", kConfig);
  Workspace ws({});
  const FilePlan plan = ws.plan(repo.write("notices/2024/a.txt", "alpha"));
  EXPECT_EQ(problems(plan), "");
  EXPECT_EQ(plan.config, config);
  EXPECT_EQ(active(plan), strings({"alpha-rule", "beta-rule"}));
  EXPECT_EQ(plan.fail_on, Severity::error);
  EXPECT_EQ(plan.document.format, InputFormat::text);
  EXPECT_FALSE(plan.excluded);
}

TEST(Workspace, CommandLineSelectReplacesTheConfigurations) {
  Repo repo;
  repo.write(".draftlint.yml", kConfig);
  WorkspaceOptions options;
  options.select = {"gamma-rule"};
  Workspace ws(options);
  EXPECT_EQ(active(ws.plan(repo.write("a.txt", ""))), strings({"gamma-rule"}));
}

TEST(Workspace, CommandLineIgnoreAddsToTheConfigurations) {
  Repo repo;
  repo.write(".draftlint.yml", "builtin: false\nrules: [pack]\nignore: [alpha-rule]\n");
  WorkspaceOptions options;
  options.ignore = {"beta-rule"};
  Workspace ws(options);
  EXPECT_EQ(active(ws.plan(repo.write("a.txt", ""))), strings({"gamma-rule"}));
}

TEST(Workspace, CommandLineFailOnReplacesTheConfigurations) {
  Repo repo;
  repo.write(".draftlint.yml", kConfig);
  WorkspaceOptions options;
  options.fail_on = Severity::suggestion;
  Workspace ws(options);
  const FilePlan plan = ws.plan(repo.write("a.txt", ""));
  EXPECT_EQ(plan.fail_on, Severity::suggestion);
  EXPECT_EQ(plan.settings.fail_on, Severity::error);  // as resolved, before the command line
}

TEST(Workspace, FailOnDefaultsToWarning) {
  Repo repo;
  repo.write(".draftlint.yml", "builtin: false\nrules: [pack]\n");
  Workspace ws({});
  EXPECT_EQ(ws.plan(repo.write("a.txt", "")).fail_on, Severity::warning);
}

TEST(Workspace, NoBuiltinWinsOverTheConfiguration) {
  Repo repo;
  repo.write(".draftlint.yml", "builtin: true\nrules: [pack]\n");
  {
    Workspace ws({});
    const auto ids = active(ws.plan(repo.write("a.txt", "")));
    EXPECT_GT(ids.size(), 3u);  // the built-in pack and ours
    EXPECT_NE(std::find(ids.begin(), ids.end(), "alpha-rule"), ids.end());
  }
  WorkspaceOptions options;
  options.no_builtin = true;
  Workspace ws(options);
  EXPECT_EQ(active(ws.plan(repo.write("a.txt", ""))), strings({"alpha-rule", "beta-rule", "gamma-rule"}));
}

TEST(Workspace, CommandLineRuleDirsAddToTheConfigurations) {
  Repo repo;
  repo.write(".draftlint.yml", "builtin: false\nrules: [pack]\n");
  WorkspaceOptions options;
  options.rule_dirs = {repo.root() / "other-pack"};
  Workspace ws(options);
  EXPECT_EQ(active(ws.plan(repo.write("a.txt", ""))), strings({"alpha-rule", "beta-rule", "delta-rule", "gamma-rule"}));
}

TEST(Workspace, ExplicitConfigIsUsedForEveryPathAndNoConfigForNone) {
  Repo repo;
  repo.write(".draftlint.yml", kConfig);
  const fs::path other = repo.write("configs/strict.yml", "builtin: false\nrules: [../other-pack]\n");
  {
    WorkspaceOptions options;
    options.config = other;
    Workspace ws(options);
    const FilePlan plan = ws.plan(repo.write("a.txt", ""));
    EXPECT_EQ(plan.config, other);
    EXPECT_EQ(active(plan), strings({"delta-rule"}));
  }
  {
    WorkspaceOptions options;
    options.no_config = true;
    options.no_builtin = true;
    options.rule_dirs = {repo.root() / "pack"};
    Workspace ws(options);
    const FilePlan plan = ws.plan(repo.write("a.txt", ""));
    EXPECT_EQ(plan.config, std::nullopt);
    EXPECT_EQ(active(plan), strings({"alpha-rule", "beta-rule", "gamma-rule"}));
    EXPECT_EQ(plan.fail_on, Severity::warning);
  }
}

TEST(Workspace, BrokenConfigurationIsReportedOnceAcrossManyFiles) {
  Repo repo;
  const fs::path config = repo.write(".draftlint.yml", "selct: [alpha-rule]\nfail_on: high\n");
  Workspace ws({});
  const FilePlan first = ws.plan(repo.write("a.txt", "alpha"));
  EXPECT_EQ(problems(first), config.string() + ":1:1: unknown key 'selct'; did you mean 'select'?\n" +
                                 config.string() +
                                 ":2:10: bad severity 'high' for 'fail_on': expected error, warning or suggestion\n");
  EXPECT_FALSE(first.linter);
  for (const char* name : {"b.txt", "c.md", "sub/d.html", "a.txt"}) {
    const FilePlan next = ws.plan(repo.write(name, "alpha"));
    EXPECT_EQ(problems(next), "") << name;
    EXPECT_FALSE(next.linter) << name;  // still not linted
    EXPECT_EQ(next.config, config) << name;
  }
}

TEST(Workspace, BrokenPackIsReportedOnce) {
  Repo repo;
  repo.write("bad-pack/broken.yml", "kind: existence\nmessage: m\nseverity: loud\ntokens: [x]\n");
  repo.write(".draftlint.yml", "builtin: false\nrules: [bad-pack]\n");
  Workspace ws({});
  const FilePlan first = ws.plan(repo.write("a.txt", ""));
  EXPECT_NE(problems(first), "");
  EXPECT_FALSE(first.linter);
  const FilePlan second = ws.plan(repo.write("b.txt", ""));
  EXPECT_EQ(problems(second), "");
  EXPECT_FALSE(second.linter);
}

TEST(Workspace, FilesWithDifferentOverridesGetDifferentLinters) {
  Repo repo;
  repo.write(".draftlint.yml",
             "builtin: false\nrules: [pack]\n"
             "overrides:\n"
             "  - files: [\"legal/**\"]\n"
             "    ignore: [alpha-rule]\n"
             "    fail_on: suggestion\n");
  Workspace ws({});
  const FilePlan plain = ws.plan(repo.write("notices/a.txt", ""));
  const FilePlan plain2 = ws.plan(repo.write("notices/b.txt", ""));
  const FilePlan legal = ws.plan(repo.write("legal/terms.txt", ""));
  const FilePlan legal2 = ws.plan(repo.write("legal/deep/privacy.txt", ""));
  ASSERT_TRUE(plain.linter && legal.linter);
  EXPECT_EQ(active(plain), strings({"alpha-rule", "beta-rule", "gamma-rule"}));
  EXPECT_EQ(active(legal), strings({"beta-rule", "gamma-rule"}));
  EXPECT_NE(plain.linter, legal.linter);
  EXPECT_EQ(plain.linter, plain2.linter);  // same settings: one compiled linter, shared
  EXPECT_EQ(legal.linter, legal2.linter);
  EXPECT_EQ(plain.fail_on, Severity::warning);
  EXPECT_EQ(legal.fail_on, Severity::suggestion);
  // And they lint differently.
  EXPECT_EQ(plain.linter->lint("alpha beta").size(), 2u);
  EXPECT_EQ(legal.linter->lint("alpha beta").size(), 1u);
}

TEST(Workspace, NestedConfigurationsApplyToTheirOwnTrees) {
  Repo repo;
  repo.write(".draftlint.yml", "builtin: false\nrules: [pack]\n");
  const fs::path inner = repo.write("team/.draftlint.yml", "builtin: false\nrules: [../other-pack]\n");
  Workspace ws({});
  EXPECT_EQ(active(ws.plan(repo.write("a.txt", ""))), strings({"alpha-rule", "beta-rule", "gamma-rule"}));
  const FilePlan team = ws.plan(repo.write("team/notes/b.txt", ""));
  EXPECT_EQ(team.config, inner);
  EXPECT_EQ(active(team), strings({"delta-rule"}));
}

TEST(Workspace, FormatComesFromTheNameOrTheConfiguration) {
  Repo repo;
  repo.write(".draftlint.yml", "builtin: false\nrules: [pack]\nformats: {.tmpl: html, txt: markdown}\n");
  Workspace ws({});
  EXPECT_EQ(ws.plan(repo.write("a.md", "")).document.format, InputFormat::markdown);
  EXPECT_EQ(ws.plan(repo.write("a.html", "")).document.format, InputFormat::html);
  EXPECT_EQ(ws.plan(repo.write("mail.html.j2", "")).document.format, InputFormat::html);
  EXPECT_EQ(ws.plan(repo.write("notice.tmpl", "")).document.format, InputFormat::html);
  EXPECT_EQ(ws.plan(repo.write("notice.txt", "")).document.format, InputFormat::markdown);
  EXPECT_EQ(ws.plan(repo.write("README", "")).document.format, InputFormat::text);
  // `name` decides for standard input (--stdin-filename).
  EXPECT_EQ(ws.plan(repo.root() / "stdin", fs::path("draft.md")).document.format, InputFormat::markdown);
}

TEST(Workspace, ConfiguredFormatIsWhatTheApplyingConfigurationMaps) {
  Repo repo;
  repo.write(".draftlint.yml",
             "builtin: false\nrules: [pack]\nformats: {.notice: markdown}\n"
             "overrides:\n  - files: [\"legal/**\"]\n    formats: {eml: html}\n");
  repo.write("nested/.draftlint.yml", "builtin: false\nrules: [pack]\n");
  Workspace ws({});
  EXPECT_EQ(ws.configured_format(repo.root() / "a.notice"), InputFormat::markdown);
  EXPECT_EQ(ws.configured_format(repo.root() / "a.eml"), std::nullopt);
  EXPECT_EQ(ws.configured_format(repo.root() / "legal/a.eml"), InputFormat::html);  // an override counts
  EXPECT_EQ(ws.configured_format(repo.root() / "nested/a.notice"), std::nullopt);   // its own configuration
  EXPECT_EQ(ws.configured_format(repo.root() / "a.md"), std::nullopt);              // built-in, not configured
  WorkspaceOptions none;
  none.no_config = true;
  EXPECT_EQ(Workspace(none).configured_format(repo.root() / "a.notice"), std::nullopt);
  repo.write("broken/.draftlint.yml", "formats: {.notice: markdown}\nselct: [x]\n");
  EXPECT_EQ(ws.configured_format(repo.root() / "broken/a.notice"), std::nullopt);
}

TEST(Workspace, RulesForADirectoryUseTheTopLevelOfItsConfiguration) {
  Repo repo;
  const fs::path config = repo.write(
      ".draftlint.yml",
      "builtin: false\nrules: [pack]\nignore: [alpha-rule]\n"
      "overrides:\n  - files: [\"**\"]\n    rules: [other-pack]\n");
  fs::create_directories(repo.root() / "notices");
  auto ids = [](const draftlint::LoadResult& loaded) {
    std::vector<std::string> out;
    for (const auto& info : loaded.rules.info()) out.push_back(info.id);
    return out;
  };
  Workspace ws({});
  std::optional<fs::path> used;
  // ignore is not applied and the override's pack is not loaded.
  EXPECT_EQ(ids(ws.rules_for(repo.root() / "notices", used)), strings({"alpha-rule", "beta-rule", "gamma-rule"}));
  EXPECT_EQ(used, config);

  WorkspaceOptions more;
  more.rule_dirs = {repo.root() / "other-pack"};
  std::optional<fs::path> unused;
  EXPECT_EQ(ids(Workspace(more).rules_for(repo.root(), unused)),
            strings({"alpha-rule", "beta-rule", "delta-rule", "gamma-rule"}));

  WorkspaceOptions none;
  none.no_config = true;
  none.no_builtin = true;
  std::optional<fs::path> no_file;
  const auto nothing = Workspace(none).rules_for(repo.root(), no_file);
  EXPECT_FALSE(nothing.ok());  // no rules at all
  EXPECT_EQ(no_file, std::nullopt);

  repo.write(".draftlint.yml", "rules: [../../outside]\n");
  std::optional<fs::path> escaping;
  const auto refused = Workspace({}).rules_for(repo.root(), escaping);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.problems[0].message.find("outside the repository root"), std::string::npos)
      << refused.problems[0].message;
}

TEST(Workspace, FrontMatterAndAcceptReachTheLinter) {
  Repo repo;
  repo.write(".draftlint.yml",
             "builtin: false\nrules: [pack]\nfront_matter: [subject]\naccept: [\"Alpha Beta\"]\n");
  Workspace ws({});
  const FilePlan plan = ws.plan(repo.write("n.md", ""));
  ASSERT_TRUE(plan.linter);
  EXPECT_EQ(plan.document.front_matter, strings({"subject"}));
  const std::string text = "---\nsubject: gamma news\nauthor: gamma\n---\nAlpha Beta is here. Alpha too.\n";
  std::vector<std::string> found;
  for (const auto& d : plan.linter->lint(text, plan.document)) {
    found.push_back(d.rule + " " + std::to_string(d.start.line) + ":" + std::to_string(d.start.column));
  }
  EXPECT_EQ(found, strings({"gamma-rule 2:10", "alpha-rule 5:21"}));
}

TEST(Workspace, ReportUnusedDisablesReachesTheDocumentOptions) {
  Repo repo;
  repo.write(".draftlint.yml", "builtin: false\nrules: [pack]\n");
  WorkspaceOptions options;
  options.report_unused_disables = true;
  Workspace ws(options);
  EXPECT_TRUE(ws.plan(repo.write("a.md", "")).document.report_unused_disables);
  Workspace quiet({});
  EXPECT_FALSE(quiet.plan(repo.write("a.md", "")).document.report_unused_disables);
}

TEST(Workspace, ExcludedFollowsTheConfiguration) {
  Repo repo;
  repo.write(".draftlint.yml", "builtin: false\nrules: [pack]\nexclude: [\"drafts/**\", \"*.tmp.md\"]\n");
  Workspace ws({});
  EXPECT_TRUE(ws.excluded(repo.root() / "drafts/a.md"));
  EXPECT_TRUE(ws.excluded(repo.root() / "x/y.tmp.md"));
  EXPECT_FALSE(ws.excluded(repo.root() / "notices/a.md"));
  EXPECT_TRUE(ws.plan(repo.write("drafts/a.md", "")).excluded);
  EXPECT_FALSE(ws.plan(repo.write("notices/a.md", "")).excluded);
}

TEST(Workspace, ResetReadsAChangedConfiguration) {
  Repo repo;
  repo.write(".draftlint.yml", "builtin: false\nrules: [pack]\n");
  Workspace ws({});
  EXPECT_EQ(active(ws.plan(repo.write("a.txt", ""))).size(), 3u);
  repo.write(".draftlint.yml", "builtin: false\nrules: [pack]\nselect: [beta-rule]\n");
  ws.reset();
  EXPECT_EQ(active(ws.plan(repo.root() / "a.txt")), strings({"beta-rule"}));
}

TEST(Workspace, PlansFromManyThreadsAgree) {
  Repo repo;
  repo.write(".draftlint.yml",
             "builtin: false\nrules: [pack]\noverrides:\n  - files: [\"legal/**\"]\n    ignore: [alpha-rule]\n");
  std::vector<fs::path> files;
  for (int i = 0; i < 16; ++i) {
    files.push_back(repo.write((i % 2 ? "legal/" : "notes/") + std::to_string(i) + ".txt", "alpha"));
  }
  Workspace ws({});
  std::vector<std::shared_ptr<const draftlint::Linter>> linters(files.size());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = static_cast<std::size_t>(t); i < files.size(); i += 4) linters[i] = ws.plan(files[i]).linter;
    });
  }
  for (auto& th : threads) th.join();
  std::set<const draftlint::Linter*> distinct;
  for (std::size_t i = 0; i < files.size(); ++i) {
    ASSERT_TRUE(linters[i]) << i;
    EXPECT_EQ(linters[i]->lint("alpha").size(), i % 2 ? 0u : 1u) << i;
    distinct.insert(linters[i].get());
  }
  EXPECT_EQ(distinct.size(), 2u);
}

// An unknown rule id in a configuration is a bad value of that file: the problem must say
// which file, or a writer with several .draftlint.yml files cannot tell where to look.
TEST(Workspace, UnknownRuleInConfigurationNamesTheConfigurationFile) {
  Repo repo;
  const fs::path config = repo.write(".draftlint.yml", "builtin: false\nrules: [pack]\nselect: [alpha-rule, alpah-rule]\n");
  Workspace ws({});
  const FilePlan plan = ws.plan(repo.write("a.txt", ""));
  ASSERT_EQ(plan.problems.size(), 1u) << problems(plan);
  EXPECT_NE(plan.problems[0].message.find("alpah-rule"), std::string::npos) << problems(plan);
  EXPECT_NE(plan.problems[0].to_string().find(config.string()), std::string::npos) << problems(plan);
  EXPECT_FALSE(plan.linter);
}

// A discovered configuration may not reach outside its repository; the same file named with
// --config, or the same pack named with --rules, is trusted.
TEST(Workspace, DiscoveredConfigurationCannotUseAPackOutsideTheRepository) {
  Repo repo;
  Repo elsewhere;  // a second repository standing for any directory outside the first
  fs::create_directory_symlink(elsewhere.root() / "other-pack", repo.root() / "linked-pack");
  const fs::path config = repo.write(".draftlint.yml", "builtin: false\nrules: [pack, linked-pack]\n");
  const fs::path file = repo.write("a.txt", "delta");
  {
    Workspace ws({});
    const FilePlan plan = ws.plan(file);
    EXPECT_EQ(plan.linter, nullptr);
    ASSERT_EQ(plan.problems.size(), 1u);
    EXPECT_EQ(plan.problems[0].to_string(),
              config.string() + ":2:15: rules path 'linked-pack' resolves outside the repository root '" +
                  repo.root().string() + "' (to '" + (elsewhere.root() / "other-pack").string() +
                  "'); name it on the command line with --rules to use it");
  }
  {
    WorkspaceOptions options;
    options.config = config;
    Workspace ws(options);
    EXPECT_EQ(active(ws.plan(file)), strings({"alpha-rule", "beta-rule", "delta-rule", "gamma-rule"}));
  }
  {
    repo.write(".draftlint.yml", "builtin: false\nrules: [pack]\n");
    WorkspaceOptions options;
    options.rule_dirs = {repo.root() / "linked-pack"};
    Workspace ws(options);
    EXPECT_EQ(active(ws.plan(file)), strings({"alpha-rule", "beta-rule", "delta-rule", "gamma-rule"}));
  }
}
