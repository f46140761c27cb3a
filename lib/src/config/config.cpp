// Loading .draftlint.yml and resolving the settings for one file (see config.h).
#include "draftlint/config.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "rules/file_io.h"
#include "rules/rule_parser.h"
#include "rules/yaml_guard.h"

namespace draftlint {

namespace fs = std::filesystem;

struct Config::Data {
  struct Section {
    std::vector<std::string> files;  // globs; empty for the top level
    FileSettings settings;
  };
  fs::path path;
  fs::path directory;
  Section top;
  std::vector<Section> overrides;
  std::vector<std::string> exclude;
};

namespace {

constexpr std::array<std::string_view, 12> kTopKeys = {"builtin", "rules",   "select",  "ignore",       "severity", "fail_on",
                                                      "exclude", "accept",  "formats", "front_matter", "overrides", "files"};
constexpr std::array<std::string_view, 10> kOverrideKeys = {"files",   "builtin", "rules",   "select",  "ignore",
                                                           "severity", "fail_on", "accept", "formats", "front_matter"};

template <std::size_t N>
void check_keys(detail::RuleParser& parser, const YAML::Node& node, const std::array<std::string_view, N>& allowed,
                bool top_level) {
  for (const auto& entry : node) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    if (key == "files" && top_level) {
      parser.error(entry.first, "'files' belongs inside an entry of 'overrides'");
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string message = fmt::format("unknown key '{}'", key);
    std::string_view best;
    std::size_t best_distance = 3;
    for (std::string_view candidate : allowed) {
      const std::size_t d = detail::edit_distance(key, candidate);
      if (d < best_distance) {
        best_distance = d;
        best = candidate;
      }
    }
    if (!best.empty()) message += fmt::format("; did you mean '{}'?", best);
    if (!top_level && key == "exclude") message = "'exclude' is only allowed at the top level, not in 'overrides'";
    parser.error(entry.first, message);
  }
}

std::vector<std::string> plain(const std::vector<std::pair<std::string, detail::Mark>>& items) {
  std::vector<std::string> out;
  for (const auto& [value, mark] : items) out.push_back(value);
  return out;
}

std::optional<Severity> read_severity(detail::RuleParser& parser, const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    parser.error(node, fmt::format("{} must be error, warning or suggestion", what));
    return std::nullopt;
  }
  auto severity = parse_severity(node.Scalar());
  if (!severity) parser.error(node, fmt::format("bad severity '{}' for {}: expected error, warning or suggestion", node.Scalar(), what));
  return severity;
}

// True when `path` is `root` or below it (both canonical).
bool within(const fs::path& path, const fs::path& root) {
  return std::mismatch(root.begin(), root.end(), path.begin(), path.end()).first == root.end();
}

// Why the rule directory `dir` (as written; `resolved_dir` once joined to the configuration's
// directory) may not be used under `root`, the canonical repository root: it, or a rule or
// recognizer file in it, resolves outside the root through `..`, an absolute path or a symbolic
// link. A repository's files must not make draftlint read files outside it.
std::optional<std::string> escapes(const std::string& dir, const fs::path& resolved_dir, const fs::path& root) {
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(resolved_dir, ec);
  if (ec || !within(target, root)) {
    return fmt::format("rules path '{}' resolves outside the repository root '{}'{}; name it on the command line "
                       "with --rules to use it",
                       dir, root.string(), ec ? "" : fmt::format(" (to '{}')", target.string()));
  }
  // Every file the rule loader would read: *.yml / *.yaml here and in recognizers/.
  for (const fs::path& sub : {target, target / "recognizers"}) {
    for (const auto& entry : fs::directory_iterator(sub, ec)) {
      const fs::path ext = entry.path().extension();
      if (ext != ".yml" && ext != ".yaml") continue;
      std::error_code file_ec;
      const fs::path file = fs::weakly_canonical(entry.path(), file_ec);
      if (file_ec || !within(file, root)) {
        return fmt::format("rule file '{}' in rules path '{}' resolves to '{}', outside the repository root '{}'; "
                           "name the pack on the command line with --rules to use it",
                           entry.path().lexically_relative(target).generic_string(), dir, file.string(), root.string());
      }
    }
  }
  return std::nullopt;
}

void read_settings(detail::RuleParser& parser, const fs::path& directory, const std::optional<fs::path>& root,
                   FileSettings& out) {
  out.builtin = parser.boolean("builtin");
  for (const auto& [dir, mark] : parser.strings("rules")) {
    const fs::path resolved = (directory / dir).lexically_normal();
    if (root) {
      if (auto why = escapes(dir, resolved, *root)) {
        parser.error(mark, *why);
        continue;
      }
    }
    out.rule_dirs.push_back(resolved);
  }
  if (parser.has("select")) out.select = plain(parser.strings("select"));
  out.ignore = plain(parser.strings("ignore"));
  out.accept = plain(parser.strings("accept"));
  out.front_matter = plain(parser.strings("front_matter"));
  if (parser.has("fail_on")) out.fail_on = read_severity(parser, parser.get("fail_on"), "'fail_on'");
  if (const YAML::Node severity = parser.get("severity"); severity.IsDefined()) {
    if (!severity.IsMap()) {
      parser.error(severity, "'severity' must be a mapping of rule id: severity");
    } else {
      for (const auto& entry : severity) {
        const std::string rule = entry.first.IsScalar() ? entry.first.Scalar() : "";
        if (auto s = read_severity(parser, entry.second, fmt::format("rule '{}'", rule))) out.severity[rule] = *s;
      }
    }
  }
  if (const YAML::Node formats = parser.get("formats"); formats.IsDefined()) {
    if (!formats.IsMap()) {
      parser.error(formats, "'formats' must be a mapping of extension: text | markdown | html");
    } else {
      for (const auto& entry : formats) {
        std::string ext = entry.first.IsScalar() ? entry.first.Scalar() : "";
        if (!ext.empty() && ext[0] != '.') ext = "." + ext;
        auto format = entry.second.IsScalar() ? parse_input_format(entry.second.Scalar()) : std::nullopt;
        if (!format) {
          parser.error(entry.second, "a format must be text, markdown or html");
          continue;
        }
        out.formats[ext] = *format;
      }
    }
  }
}

void apply(const FileSettings& from, FileSettings& to) {
  if (from.builtin) to.builtin = from.builtin;
  to.rule_dirs.insert(to.rule_dirs.end(), from.rule_dirs.begin(), from.rule_dirs.end());
  if (from.select) to.select = from.select;
  to.ignore.insert(to.ignore.end(), from.ignore.begin(), from.ignore.end());
  for (const auto& [rule, severity] : from.severity) to.severity[rule] = severity;
  if (from.fail_on) to.fail_on = from.fail_on;
  to.accept.insert(to.accept.end(), from.accept.begin(), from.accept.end());
  for (const auto& [ext, format] : from.formats) to.formats[ext] = format;
  to.front_matter.insert(to.front_matter.end(), from.front_matter.begin(), from.front_matter.end());
}

std::string relative_to(const fs::path& directory, const fs::path& file) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(file, ec).lexically_normal();
  return absolute.lexically_relative(directory).generic_string();
}

}  // namespace

Config::Config() : data_(std::make_shared<Data>()) {}
Config::~Config() = default;
Config::Config(const Config&) = default;
Config& Config::operator=(const Config&) = default;
Config::Config(Config&&) noexcept = default;
Config& Config::operator=(Config&&) noexcept = default;

const fs::path& Config::path() const { return data_->path; }
const fs::path& Config::directory() const { return data_->directory; }

ConfigResult Config::load(const fs::path& file, const std::optional<fs::path>& repository_root) {
  ConfigResult result;
  auto data = std::make_shared<Data>();
  std::error_code ec;
  data->path = fs::absolute(file, ec).lexically_normal();
  data->directory = data->path.parent_path();
  const std::string origin = file.string();
  std::optional<fs::path> canonical_root;
  if (repository_root) {
    canonical_root = fs::weakly_canonical(*repository_root, ec);
    // The file itself may be a link out of the repository: do not read it (its content could
    // leak through error messages).
    const fs::path target = fs::weakly_canonical(data->path, ec);
    if (ec || !within(target, *canonical_root)) {
      result.problems.push_back({origin, 0, 0,
                                 fmt::format("this configuration file is a link to '{}', outside the repository root "
                                             "'{}'; name it on the command line with --config to use it",
                                             target.string(), canonical_root->string())});
      return result;
    }
  }
  std::string content;
  std::string error;
  if (!detail::read_whole_file(file, content, error)) {
    result.problems.push_back({origin, 0, 0, error});
    return result;
  }
  const std::optional<YAML::Node> parsed = detail::load_yaml(content, origin, result.problems);
  if (!parsed) return result;
  const YAML::Node root = *parsed;
  if (root.IsNull()) {  // an empty file is a valid, empty configuration
    result.config.data_ = data;
    return result;
  }
  if (!root.IsMap()) {
    result.problems.push_back({origin, 1, 1, "a configuration file must be a YAML mapping"});
    return result;
  }
  detail::RuleParser parser(root, origin, result.problems, nullptr);
  check_keys(parser, root, kTopKeys, true);
  read_settings(parser, data->directory, canonical_root, data->top.settings);
  data->exclude = plain(parser.strings("exclude"));
  if (const YAML::Node overrides = parser.get("overrides"); overrides.IsDefined()) {
    if (!overrides.IsSequence()) {
      parser.error(overrides, "'overrides' must be a list of mappings, each with 'files'");
    } else {
      for (const YAML::Node& item : overrides) {
        if (!item.IsMap()) {
          parser.error(item, "each entry of 'overrides' must be a mapping with 'files'");
          continue;
        }
        detail::RuleParser sub(item, origin, result.problems, nullptr);
        check_keys(sub, item, kOverrideKeys, false);
        Data::Section section;
        section.files = plain(sub.strings("files"));
        if (!item["files"].IsDefined()) sub.error(item, "an override needs 'files' (a list of globs)");
        read_settings(sub, data->directory, canonical_root, section.settings);
        data->overrides.push_back(std::move(section));
      }
    }
  }
  result.config.data_ = std::move(data);
  return result;
}

std::optional<fs::path> Config::discover(const fs::path& path) {
  std::error_code ec;
  fs::path dir = fs::absolute(path, ec).lexically_normal();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (true) {
    for (const char* name : {".draftlint.yml", ".draftlint.yaml"}) {
      if (fs::is_regular_file(dir / name, ec)) return dir / name;
    }
    if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) return std::nullopt;
    dir = dir.parent_path();
  }
}

fs::path Config::repository_root(const fs::path& config_file) {
  std::error_code ec;
  const fs::path directory = fs::absolute(config_file, ec).lexically_normal().parent_path();
  for (fs::path dir = directory;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir;
    if (dir == dir.parent_path()) return directory;
  }
}

FileSettings Config::settings_for(const fs::path& file) const {
  FileSettings settings = data_->top.settings;
  const std::string relative = relative_to(data_->directory, file);
  for (const Data::Section& section : data_->overrides) {
    const bool matches = std::any_of(section.files.begin(), section.files.end(),
                                     [&](const std::string& glob) { return glob_match(glob, relative); });
    if (matches) apply(section.settings, settings);
  }
  return settings;
}

const FileSettings& Config::top_level() const { return data_->top.settings; }

bool Config::excluded(const fs::path& file) const {
  const std::string relative = relative_to(data_->directory, file);
  return std::any_of(data_->exclude.begin(), data_->exclude.end(),
                     [&](const std::string& glob) { return glob_match(glob, relative); });
}

std::string_view Config::starter() {
  return R"(# draftlint configuration. Every key is optional; see docs/configuration.md.

# Load the built-in rule pack.
builtin: true

# More rule packs (directories of YAML rules), relative to this file.
# rules: [draftlint-rules]

# Run only these rules, or never run these.
# select: [blame-shifting, platitude, missing-next-steps, missing-timeline]
# ignore: [long-sentence]

# Make a rule louder or quieter: error | warning | suggestion.
# severity:
#   hedged-commitment: warning

# The lowest severity that makes draftlint exit 1.
fail_on: warning

# Files not to lint (globs; "**" crosses directories).
# exclude: ["drafts/**", "vendor/**"]

# Phrases never flagged, such as product names.
# accept: ["Priority Support"]

# Formats by extension when the default guess is wrong: text | markdown | html.
# formats:
#   .tmpl: html

# Markdown front-matter fields to lint as prose.
front_matter: [subject, title]

# Different settings for some files; later entries win.
# overrides:
#   - files: ["legal/**"]
#     ignore: [plain-words]
)";
}

}  // namespace draftlint
