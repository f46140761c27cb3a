// Loading rule files into a RuleSet: YAML → Rule, with every problem located (see rules.h).
#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include "draftlint/rules.h"
#include "kinds/kind.h"
#include "rules/builtin_rules.h"
#include "rules/file_io.h"
#include "rules/yaml_guard.h"
#include "rules/recognizer.h"
#include "rules/rule.h"
#include "rules/rule_parser.h"

namespace draftlint {
namespace detail {
namespace {

constexpr std::size_t kMaxRuleFileBytes = 1 << 20;
constexpr std::size_t kMaxRulesPerPack = 10000;

bool is_kebab_case(std::string_view id) {
  static const RE2 kKebab("[a-z0-9]+(?:-[a-z0-9]+)*");
  return RE2::FullMatch(re2::StringPiece(id.data(), id.size()), kKebab);
}

// The closest allowed key to `key`, when it is close enough to be a typo.
std::string suggestion_for(std::string_view key, const std::vector<std::string_view>& allowed) {
  std::string best;
  std::size_t best_distance = 3;
  for (std::string_view candidate : allowed) {
    const std::size_t d = edit_distance(key, candidate);
    if (d < best_distance && d < std::max<std::size_t>(2, candidate.size() / 2)) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

void check_keys(RuleParser& parser, const KindEntry* kind) {
  std::vector<std::string_view> allowed(common_keys().begin(), common_keys().end());
  if (kind) allowed.insert(allowed.end(), kind->keys.begin(), kind->keys.end());
  std::vector<std::string> seen;
  for (const auto& entry : parser.root()) {
    if (!entry.first.IsScalar()) {
      parser.error(entry.first, "keys must be plain strings");
      continue;
    }
    const std::string& key = entry.first.Scalar();
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      parser.error(entry.first, fmt::format("duplicate key '{}'", key));
      continue;
    }
    seen.push_back(key);
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string message = fmt::format("unknown key '{}'", key);
    if (std::string guess = suggestion_for(key, allowed); !guess.empty()) {
      message += fmt::format("; did you mean '{}'?", guess);
    } else {
      for (const KindEntry& other : registered_kinds()) {
        if (std::find(other.keys.begin(), other.keys.end(), key) != other.keys.end()) {
          message += fmt::format(" (it belongs to '{}' rules)", other.name);
          break;
        }
      }
    }
    parser.error(entry.first, std::move(message));
  }
}

void check_placeholders(RuleParser& parser, std::string_view message, const KindEntry& kind) {
  static const RE2 kPlaceholder("\\{([A-Za-z_][A-Za-z0-9_-]*)\\}");
  re2::StringPiece input(message.data(), message.size());
  std::string name;
  while (RE2::FindAndConsume(&input, kPlaceholder, &name)) {
    if (std::find(kind.placeholders.begin(), kind.placeholders.end(), name) != kind.placeholders.end()) continue;
    std::string allowed;
    for (std::string_view p : kind.placeholders) allowed += fmt::format("{}{{{}}}", allowed.empty() ? "" : ", ", p);
    parser.error(parser.get("message"), fmt::format("unknown placeholder '{{{}}}' in the message of a rule of kind '{}'; it may use {}",
                                                    name, kind.name, allowed.empty() ? "none" : allowed));
  }
}

std::optional<Scope> parse_scope(RuleParser& parser) {
  const YAML::Node node = parser.get("scope");
  if (!node.IsDefined()) return Scope{};
  static const std::pair<std::string_view, ScopeKind> kNames[] = {
      {"text", ScopeKind::text},
      {"sentence", ScopeKind::sentence},
      {"paragraph", ScopeKind::paragraph},
      {"document", ScopeKind::document},
      {"first-paragraph", ScopeKind::first_paragraph},
      {"last-paragraph", ScopeKind::last_paragraph}};
  if (node.IsScalar()) {
    for (const auto& [name, kind] : kNames) {
      if (node.Scalar() == name) return Scope{kind, 0};
    }
  } else if (node.IsMap() && node.size() == 1 && node["first-sentences"].IsDefined()) {
    int count = 0;
    if (node["first-sentences"].IsScalar() && YAML::convert<int>::decode(node["first-sentences"], count) &&
        count > 0) {
      return Scope{ScopeKind::first_sentences, count};
    }
    parser.error(node["first-sentences"], "'first-sentences' must be a whole number of at least 1");
    return std::nullopt;
  }
  parser.error(node,
               "'scope' must be one of text, sentence, paragraph, document, first-paragraph, last-paragraph, "
               "or {first-sentences: N}");
  return std::nullopt;
}

void parse_examples(RuleParser& parser, Rule& rule) {
  const YAML::Node node = parser.get("examples");
  if (!node.IsDefined()) return;
  if (!node.IsMap()) {
    parser.error(node, "'examples' must be a mapping with 'bad' and/or 'good' lists");
    return;
  }
  for (const auto& entry : node) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    if (key != "bad" && key != "good") {
      parser.error(entry.first, fmt::format("unknown key '{}' in 'examples'; expected 'bad' or 'good'", key));
      continue;
    }
    if (!entry.second.IsSequence()) {
      parser.error(entry.second, fmt::format("'examples.{}' must be a list of strings", key));
      continue;
    }
    auto& list = key == "bad" ? rule.bad_examples : rule.good_examples;
    for (const YAML::Node& item : entry.second) {
      if (!item.IsScalar()) {
        parser.error(item, fmt::format("each entry of 'examples.{}' must be a string", key));
        continue;
      }
      list.push_back(item.Scalar());
    }
  }
}

// Reads one rule from its file's YAML tree. Returns null when it has problems (all are recorded).
std::shared_ptr<const Rule> rule_from_yaml(const YAML::Node& root, const std::string& id, const std::string& origin,
                                           const RecognizerTable& recognizers, std::vector<Problem>& problems,
                                           FileTrust trust) {
  const std::size_t before = problems.size();
  if (!root.IsMap()) {
    problems.push_back({origin, 1, 1, "a rule file must be a YAML mapping of fields (kind, message, severity, ...)"});
    return nullptr;
  }
  RuleParser parser(root, origin, problems, &recognizers, trust);
  auto rule = std::make_shared<Rule>();
  rule->id = id;
  rule->origin = origin;

  const KindEntry* kind = nullptr;
  if (auto name = parser.string("kind", true)) {
    kind = find_kind(*name);
    if (!kind) {
      std::string known;
      for (const KindEntry& k : registered_kinds()) known += (known.empty() ? "" : ", ") + std::string(k.name);
      parser.error(parser.get("kind"), fmt::format("unknown kind '{}'; expected one of: {}", *name, known));
    } else {
      rule->kind = *name;
    }
  }
  check_keys(parser, kind);

  if (auto message = parser.string("message", true)) {
    rule->message = *message;
    if (kind) check_placeholders(parser, *message, *kind);
  }
  if (auto severity = parser.string("severity", true)) {
    if (auto parsed = parse_severity(*severity)) {
      rule->severity = *parsed;
    } else {
      parser.error(parser.get("severity"), fmt::format("bad severity '{}': expected error, warning or suggestion", *severity));
    }
  }
  rule->description = parser.string("description", false).value_or("");
  rule->link = parser.string("link", false).value_or("");
  rule->ignorecase = parser.boolean("ignorecase").value_or(true);
  if (auto scope = parse_scope(parser)) rule->scope = *scope;

  rule->match = parser.patterns("tokens", true, rule->ignorecase, PatternRole::match);
  auto patterns = parser.patterns("patterns", false, rule->ignorecase, PatternRole::match);
  rule->match.insert(rule->match.end(), patterns.begin(), patterns.end());
  rule->exceptions = parser.patterns("exceptions", false, rule->ignorecase, PatternRole::match);
  rule->not_before = parser.patterns("not_before", false, rule->ignorecase, PatternRole::before);
  rule->not_after = parser.patterns("not_after", false, rule->ignorecase, PatternRole::after);
  parse_examples(parser, *rule);

  if (kind) {
    if (kind->needs_match_patterns && !parser.has("tokens") && !parser.has("patterns")) {
      parser.error(parser.root(), fmt::format("a rule of kind '{}' needs 'tokens' or 'patterns'", kind->name));
    }
    rule->spec = kind->parse(parser, *rule);
  }
  const auto& brought = parser.recognizer_exceptions();
  rule->exceptions.insert(rule->exceptions.end(), brought.begin(), brought.end());
  if (problems.size() != before || !rule->spec) return nullptr;
  return rule;
}

std::string rule_id(std::string_view file_name) { return std::filesystem::path(std::string(file_name)).stem().string(); }

// Parses one rule file of a user's pack, with every check. Returns null when the file has
// problems (all are recorded).
std::shared_ptr<const Rule> parse_rule(std::string_view yaml, const std::string& origin, std::string_view file_name,
                                       const RecognizerTable& recognizers, std::vector<Problem>& problems) {
  const std::size_t before = problems.size();
  const std::string id = rule_id(file_name);
  if (!is_kebab_case(id)) {
    problems.push_back({origin, 0, 0, fmt::format("rule id '{}' (the file name) must be kebab-case, like 'my-rule'", id)});
  }
  if (yaml.size() > kMaxRuleFileBytes) {
    problems.push_back({origin, 0, 0, fmt::format("rule file is {} bytes; the limit is {}", yaml.size(), kMaxRuleFileBytes)});
    return nullptr;
  }
  const std::optional<YAML::Node> root = load_yaml(yaml, origin, problems);
  if (!root) return nullptr;
  auto rule = rule_from_yaml(*root, id, origin, recognizers, problems, FileTrust::checked);
  return problems.size() == before ? rule : nullptr;
}

void add_rule(RuleSet& set, std::shared_ptr<const Rule> rule) {
  auto& rules = RuleSetAccess::rules(set);
  auto it = std::lower_bound(rules.begin(), rules.end(), rule->id,
                             [](const std::shared_ptr<const Rule>& r, const std::string& id) { return r->id < id; });
  if (it != rules.end() && (*it)->id == rule->id) {
    *it = std::move(rule);
  } else {
    rules.insert(it, std::move(rule));
  }
}

}  // namespace

std::string scope_name(const Scope& scope) {
  switch (scope.kind) {
    case ScopeKind::text: return "text";
    case ScopeKind::sentence: return "sentence";
    case ScopeKind::paragraph: return "paragraph";
    case ScopeKind::document: return "document";
    case ScopeKind::first_paragraph: return "first-paragraph";
    case ScopeKind::last_paragraph: return "last-paragraph";
    case ScopeKind::first_sentences: return fmt::format("first-sentences: {}", scope.count);
  }
  return "text";
}

RuleInfo make_info(const Rule& rule) {
  return RuleInfo{rule.id,   rule.kind,   rule.severity,     rule.message,      rule.description,
                  rule.link, scope_name(rule.scope), rule.origin, rule.bad_examples, rule.good_examples};
}

}  // namespace detail

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(const RuleSet&) = default;
RuleSet& RuleSet::operator=(const RuleSet&) = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

LoadResult RuleSet::builtin() {
  LoadResult result;
  const detail::RecognizerTable& recognizers = detail::builtin_recognizers(&result.problems);
  for (const detail::EmbeddedRuleFile& file : detail::builtin_rule_files()) {
    if (file.name.starts_with("recognizers/")) continue;
    if (auto rule = detail::rule_from_yaml(detail::embedded_yaml(file.nodes), detail::rule_id(file.name),
                                           "builtin:" + std::string(file.name), recognizers, result.problems,
                                           detail::FileTrust::builtin)) {
      detail::add_rule(result.rules, std::move(rule));
    }
  }
  return result;
}

namespace detail {
namespace {

LoadResult load_one(std::string_view yaml, std::string_view file_name, const RecognizerTable& recognizers) {
  LoadResult result;
  const std::string name = std::filesystem::path(std::string(file_name)).filename().string();
  if (auto rule = parse_rule(yaml, std::string(file_name), name, recognizers, result.problems)) {
    add_rule(result.rules, std::move(rule));
  }
  return result;
}

LoadResult load_one_file(const std::filesystem::path& file, const RecognizerTable& recognizers) {
  std::string content;
  std::string error;
  if (!read_whole_file(file, content, error)) {
    LoadResult result;
    result.problems.push_back({file.string(), 0, 0, error});
    return result;
  }
  return load_one(content, file.string(), recognizers);
}

}  // namespace
}  // namespace detail

LoadResult RuleSet::load_string(std::string_view yaml, std::string_view file_name) {
  std::vector<Problem> problems;
  LoadResult result = detail::load_one(yaml, file_name, detail::builtin_recognizers(&problems));
  result.problems.insert(result.problems.begin(), problems.begin(), problems.end());
  return result;
}

LoadResult RuleSet::load_file(const std::filesystem::path& file) {
  std::vector<Problem> problems;
  const detail::RecognizerTable recognizers = detail::recognizers_with(file.parent_path() / "recognizers", problems);
  LoadResult result = detail::load_one_file(file, recognizers);
  result.problems.insert(result.problems.begin(), problems.begin(), problems.end());
  return result;
}

LoadResult RuleSet::load_directory(const std::filesystem::path& directory) {
  LoadResult result;
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    result.problems.push_back({directory.string(), 0, 0, "not a directory of rule files"});
    return result;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    const std::string ext = entry.path().extension().string();
    if ((ext == ".yml" || ext == ".yaml") && entry.is_regular_file(ec)) files.push_back(entry.path());
  }
  if (ec) result.problems.push_back({directory.string(), 0, 0, "cannot list the directory: " + ec.message()});
  std::sort(files.begin(), files.end());
  if (files.size() > detail::kMaxRulesPerPack) {
    result.problems.push_back({directory.string(), 0, 0,
                               fmt::format("{} rule files in one pack; the limit is {} (the first {} are loaded)",
                                           files.size(), detail::kMaxRulesPerPack, detail::kMaxRulesPerPack)});
    files.resize(detail::kMaxRulesPerPack);
  }
  const detail::RecognizerTable recognizers = detail::recognizers_with(directory / "recognizers", result.problems);
  std::vector<std::string> ids;
  for (const auto& file : files) {
    const std::string id = file.stem().string();
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
      result.problems.push_back({file.string(), 0, 0, fmt::format("a second file for rule '{}' in the same pack", id)});
      continue;
    }
    ids.push_back(id);
    LoadResult one = detail::load_one_file(file, recognizers);
    result.problems.insert(result.problems.end(), one.problems.begin(), one.problems.end());
    result.rules.merge(one.rules);
  }
  if (files.empty() && !ec) result.problems.push_back({directory.string(), 0, 0, "no rule files (*.yml) in this directory"});
  return result;
}

void RuleSet::merge(const RuleSet& other) {
  for (const auto& rule : other.rules_) detail::add_rule(*this, rule);
}

RuleSet RuleSet::only(std::string_view id) const {
  RuleSet out;
  for (const auto& rule : rules_) {
    if (rule->id == id) out.rules_.push_back(rule);
  }
  return out;
}

std::size_t RuleSet::size() const { return rules_.size(); }

bool RuleSet::contains(std::string_view id) const {
  return std::any_of(rules_.begin(), rules_.end(), [&](const auto& r) { return r->id == id; });
}

std::vector<RuleInfo> RuleSet::info() const {
  std::vector<RuleInfo> out;
  for (const auto& rule : rules_) out.push_back(detail::make_info(*rule));
  return out;
}

std::optional<RuleInfo> RuleSet::info(std::string_view id) const {
  for (const auto& rule : rules_) {
    if (rule->id == id) return detail::make_info(*rule);
  }
  return std::nullopt;
}

}  // namespace draftlint
