// Configuration discovery and linter caching per file (see workspace.h).
#include "draftlint/workspace.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include <fmt/format.h>

namespace draftlint {

namespace fs = std::filesystem;

struct Workspace::State {
  std::mutex mutex;
  std::map<fs::path, std::optional<fs::path>> discovered;  // directory → config file
  std::map<fs::path, ConfigResult> configs;                // config file → loaded
  std::map<std::string, LoadResult> packs;                 // pack key → rules
  std::map<std::string, CompileResult> linters;            // linter key → compiled
  std::set<std::string> reported;                          // problems already handed out
};

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += item + '\x1f';
  return out;
}

}  // namespace

Workspace::Workspace(WorkspaceOptions options) : options_(std::move(options)), state_(std::make_unique<State>()) {}
Workspace::~Workspace() = default;

void Workspace::reset() {
  std::lock_guard lock(state_->mutex);
  state_->discovered.clear();
  state_->configs.clear();
  state_->packs.clear();
  state_->linters.clear();
  state_->reported.clear();
}

const ConfigResult* Workspace::config_for(const fs::path& directory, std::optional<fs::path>& config_path) {
  std::error_code ec;
  if (options_.config) {
    config_path = fs::absolute(*options_.config, ec).lexically_normal();
  } else if (!options_.no_config) {
    auto found = state_->discovered.find(directory);
    if (found == state_->discovered.end()) found = state_->discovered.emplace(directory, Config::discover(directory)).first;
    config_path = found->second;
  }
  if (!config_path) return nullptr;
  auto loaded = state_->configs.find(*config_path);
  if (loaded == state_->configs.end()) {
    // A discovered file comes with the repository, so its paths must stay inside it; one the
    // user named with --config is trusted.
    const auto root = options_.config ? std::nullopt : std::optional(Config::repository_root(*config_path));
    loaded = state_->configs.emplace(*config_path, Config::load(*config_path, root)).first;
  }
  return &loaded->second;
}

bool Workspace::excluded(const fs::path& path) {
  if (!uses_config_files()) return false;  // asked for every file of a tree: skip the path work
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  std::lock_guard lock(state_->mutex);
  std::optional<fs::path> config_path;
  const ConfigResult* config = config_for(absolute.parent_path(), config_path);
  return config && config->ok() && config->config.excluded(absolute);
}

std::optional<InputFormat> Workspace::configured_format(const fs::path& path) {
  if (!uses_config_files()) return std::nullopt;
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  std::lock_guard lock(state_->mutex);
  std::optional<fs::path> config_path;
  const ConfigResult* config = config_for(absolute.parent_path(), config_path);
  if (!config || !config->ok()) return std::nullopt;
  // Looked up as plan() does, so a file the walk picks up is read in the format it was picked for.
  const FileSettings settings = config->config.settings_for(absolute);
  const auto mapped = settings.formats.find(absolute.extension().string());
  if (mapped == settings.formats.end()) return std::nullopt;
  return mapped->second;
}

const LoadResult& Workspace::pack_for(bool builtin, const std::vector<std::string>& rule_dirs, std::string& key) {
  key = fmt::format("{}|{}", builtin, join(rule_dirs));
  auto pack = state_->packs.find(key);
  if (pack == state_->packs.end()) {
    LoadResult loaded;
    if (builtin) loaded = RuleSet::builtin();
    for (const std::string& dir : rule_dirs) {
      LoadResult more = RuleSet::load_directory(dir);
      loaded.problems.insert(loaded.problems.end(), more.problems.begin(), more.problems.end());
      loaded.rules.merge(more.rules);
    }
    if (loaded.ok() && loaded.rules.empty()) {
      loaded.problems.push_back({"", 0, 0, "no rules to run (the built-in pack is off and no rule directory was given)"});
    }
    pack = state_->packs.emplace(key, std::move(loaded)).first;
  }
  return pack->second;
}

LoadResult Workspace::rules_for(const fs::path& directory, std::optional<fs::path>& config) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(directory, ec).lexically_normal();
  std::lock_guard lock(state_->mutex);
  FileSettings settings;
  if (const ConfigResult* loaded = config_for(absolute, config)) {
    if (!loaded->ok()) return LoadResult{RuleSet(), loaded->problems};
    settings = loaded->config.top_level();
  }
  std::vector<std::string> rule_dirs;
  for (const auto& dir : settings.rule_dirs) rule_dirs.push_back(dir.string());
  for (const auto& dir : options_.rule_dirs) rule_dirs.push_back(dir.string());
  std::string key;
  return pack_for(!options_.no_builtin && settings.builtin.value_or(true), rule_dirs, key);
}

FilePlan Workspace::plan(const fs::path& file, const std::optional<fs::path>& name) {
  FilePlan plan;
  std::vector<Problem> problems;
  // Built only when a configuration file may apply: this runs for every file.
  std::optional<fs::path> absolute;
  if (uses_config_files()) {
    std::error_code ec;
    absolute = fs::absolute(file, ec).lexically_normal();
  }
  std::lock_guard lock(state_->mutex);

  // 1. The configuration file and the settings it gives this file.
  if (const ConfigResult* config = absolute ? config_for(absolute->parent_path(), plan.config) : nullptr) {
    problems = config->problems;
    if (config->ok()) {
      plan.settings = config->config.settings_for(*absolute);
      plan.excluded = config->config.excluded(*absolute);
    }
  }

  // 2. Command-line options over the file's settings.
  const FileSettings& s = plan.settings;
  const bool builtin = !options_.no_builtin && s.builtin.value_or(true);
  std::vector<std::string> rule_dirs;
  for (const auto& dir : s.rule_dirs) rule_dirs.push_back(dir.string());
  for (const auto& dir : options_.rule_dirs) rule_dirs.push_back(dir.string());
  LintOptions lint;
  lint.select = !options_.select.empty() ? options_.select : s.select.value_or(std::vector<std::string>{});
  lint.ignore = s.ignore;
  lint.ignore.insert(lint.ignore.end(), options_.ignore.begin(), options_.ignore.end());
  lint.severity = s.severity;
  lint.accept = s.accept;
  plan.fail_on = options_.fail_on.value_or(s.fail_on.value_or(Severity::warning));
  plan.document.front_matter = s.front_matter;
  plan.document.report_unused_disables = options_.report_unused_disables;
  const fs::path display = name.value_or(file);
  std::string ext = display.extension().string();
  if (auto mapped = s.formats.find(ext); mapped != s.formats.end()) {
    plan.document.format = mapped->second;
  } else {
    plan.document.format = format_for_path(display).value_or(InputFormat::text);
  }

  // 3. The rules and the compiled linter, shared by every file with the same settings.
  if (problems.empty()) {
    std::string pack_key;
    const LoadResult& pack = pack_for(builtin, rule_dirs, pack_key);
    problems = pack.problems;
    if (problems.empty()) {
      std::string severities;
      for (const auto& [rule, severity] : lint.severity) severities += rule + "=" + std::string(to_string(severity)) + ",";
      const std::string linter_key = fmt::format("{}#{}#{}#{}#{}", pack_key, join(lint.select), join(lint.ignore),
                                                 severities, join(lint.accept));
      auto compiled = state_->linters.find(linter_key);
      if (compiled == state_->linters.end()) {
        compiled = state_->linters.emplace(linter_key, Linter::compile(pack.rules, lint)).first;
      }
      problems = compiled->second.problems;
      // An unknown id that the command line did not give came from the configuration file.
      for (Problem& p : problems) {
        const bool from_cli = std::any_of(options_.select.begin(), options_.select.end(),
                                          [&](const std::string& id) { return p.message.find("'" + id + "'") != std::string::npos; }) ||
                              std::any_of(options_.ignore.begin(), options_.ignore.end(),
                                          [&](const std::string& id) { return p.message.find("'" + id + "'") != std::string::npos; });
        if (p.file.empty() && plan.config && !from_cli) p.file = plan.config->string();
      }
      if (problems.empty()) plan.linter = compiled->second.linter;
    }
  }
  for (Problem& p : problems) {
    if (state_->reported.insert(p.to_string()).second) plan.problems.push_back(std::move(p));
  }
  return plan;
}

}  // namespace draftlint
