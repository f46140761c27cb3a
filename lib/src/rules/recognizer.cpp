// Loading named recognizers (see recognizer.h).
#include "rules/recognizer.h"

#include <algorithm>
#include <mutex>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "rules/builtin_rules.h"
#include "rules/file_io.h"
#include "rules/rule_parser.h"
#include "rules/yaml_guard.h"

namespace draftlint::detail {

void RecognizerTable::add(std::shared_ptr<const Recognizer> recognizer) {
  table_[recognizer->name] = std::move(recognizer);
}

const Recognizer* RecognizerTable::find(std::string_view name) const {
  auto it = table_.find(name);
  return it == table_.end() ? nullptr : it->second.get();
}

std::string RecognizerTable::names() const {
  std::string out;
  for (const auto& [name, r] : table_) out += (out.empty() ? "@" : ", @") + name;
  return out.empty() ? "none" : out;
}

namespace {

// Reads one recognizer from its file's YAML tree. Returns null when it has problems (all recorded).
std::shared_ptr<const Recognizer> recognizer_from_yaml(const YAML::Node& root, const std::string& origin,
                                                       std::string_view file_name, std::vector<Problem>& problems,
                                                       FileTrust trust) {
  const std::size_t before = problems.size();
  if (!root.IsMap()) {
    problems.push_back({origin, 1, 1, "a recognizer file must be a YAML mapping (description, tokens, patterns, exceptions)"});
    return nullptr;
  }
  RuleParser parser(root, origin, problems, nullptr, trust);
  static constexpr std::string_view kKeys[] = {"description", "ignorecase", "tokens", "patterns", "exceptions"};
  for (const auto& entry : root) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys)) {
      parser.error(entry.first, fmt::format("unknown key '{}' in a recognizer; expected description, ignorecase, "
                                            "tokens, patterns or exceptions", key));
    }
  }
  auto recognizer = std::make_shared<Recognizer>();
  recognizer->name = std::filesystem::path(std::string(file_name)).stem().string();
  recognizer->origin = origin;
  recognizer->description = parser.string("description", false).value_or("");
  const bool ignorecase = parser.boolean("ignorecase").value_or(true);
  recognizer->patterns = parser.patterns("tokens", true, ignorecase, PatternRole::match);
  auto patterns = parser.patterns("patterns", false, ignorecase, PatternRole::match);
  recognizer->patterns.insert(recognizer->patterns.end(), patterns.begin(), patterns.end());
  recognizer->exceptions = parser.patterns("exceptions", false, ignorecase, PatternRole::match);
  if (recognizer->patterns.empty() && problems.size() == before) {
    parser.error(root, "a recognizer needs 'tokens' or 'patterns'");
  }
  if (problems.size() != before) return nullptr;
  return recognizer;
}

}  // namespace

std::shared_ptr<const Recognizer> parse_recognizer(std::string_view yaml, const std::string& origin,
                                                   std::string_view file_name, std::vector<Problem>& problems) {
  const std::optional<YAML::Node> root = load_yaml(yaml, origin, problems);
  if (!root) return nullptr;
  return recognizer_from_yaml(*root, origin, file_name, problems, FileTrust::checked);
}

const RecognizerTable& builtin_recognizers(std::vector<Problem>* problems) {
  static std::vector<Problem> load_problems;
  static const RecognizerTable table = [] {
    RecognizerTable t;
    for (const EmbeddedRuleFile& file : builtin_rule_files()) {
      if (!file.name.starts_with("recognizers/")) continue;
      if (auto r = recognizer_from_yaml(embedded_yaml(file.nodes), "builtin:" + std::string(file.name), file.name,
                                        load_problems, FileTrust::builtin)) {
        t.add(std::move(r));
      }
    }
    return t;
  }();
  if (problems) problems->insert(problems->end(), load_problems.begin(), load_problems.end());
  return table;
}

RecognizerTable recognizers_with(const std::filesystem::path& directory, std::vector<Problem>& problems) {
  RecognizerTable table = builtin_recognizers(nullptr);
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) return table;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (entry.path().extension() == ".yml" || entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string content;
    std::string error;
    if (!read_whole_file(file, content, error)) {
      problems.push_back({file.string(), 0, 0, error});
      continue;
    }
    if (auto r = parse_recognizer(content, file.string(), file.filename().string(), problems)) table.add(std::move(r));
  }
  return table;
}

}  // namespace draftlint::detail
