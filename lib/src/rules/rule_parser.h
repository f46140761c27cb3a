// Reads the fields of one rule file's YAML mapping, recording every problem with its file,
// line and column. Kinds use it to read their own keys, so all rule files report errors alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "rules/rule.h"

namespace draftlint::detail {

// Longest accepted pattern (tokens, patterns, exceptions, ...), in bytes.
inline constexpr std::size_t kMaxPatternBytes = 16 * 1024;

class RecognizerTable;
}

namespace draftlint::detail {

// Where a rule file comes from. The built-in pack is embedded from rules/, which the test suite
// loads as a directory with every check on (tests/unit/rule_loader_test.cpp, the
// rules.builtin_examples test), so at run time it skips the check that only guards against a bad
// file: the RE2 parse of each pattern (over half of the pack's load time).
enum class FileTrust {
  checked,  // a user's file: every check
  builtin,  // the embedded pack, checked at build time
};

// How a pattern list is read: as phrases or as RE2, and how the result is anchored.
enum class PatternRole {
  match,       // search the text
  before,      // must end right where a match starts: (?:P)\s*$
  after,       // must start right where a match ends: ^\s*(?:P)
};

class RuleParser {
 public:
  // `recognizers` resolves @NAME entries in pattern lists; null means none are available.
  RuleParser(YAML::Node root, std::string origin, std::vector<Problem>& problems, const RecognizerTable* recognizers,
             FileTrust trust = FileTrust::checked);

  const YAML::Node& root() const { return root_; }
  bool has(std::string_view key) const;
  YAML::Node get(std::string_view key) const;

  // A scalar string; a missing required key or a non-scalar is a problem.
  std::optional<std::string> string(std::string_view key, bool required);
  std::optional<bool> boolean(std::string_view key);
  std::optional<int> integer(std::string_view key, int min_value);
  // A non-empty list of strings, each with its mark. Absent: empty vector, no problem.
  std::vector<std::pair<std::string, Mark>> strings(std::string_view key);
  // Phrases (`phrase` true) or RE2 patterns from a list key, translated and compiled. An
  // entry @NAME stands for a recognizer's patterns; its exceptions are kept for the rule.
  // `keep_exceptions` false: a recognizer's exceptions stay out of the rule (for lists that
  // only locate, like `anchor`, whose recognizer must not filter the rule's evidence).
  std::vector<Pattern> patterns(std::string_view key, bool phrase, bool ignorecase, PatternRole role,
                                bool keep_exceptions = true);
  // One pattern from a string already read (used for map keys such as substitution's swap).
  std::optional<Pattern> pattern(const std::string& source, Mark mark, bool phrase, bool ignorecase,
                                 PatternRole role);

  // Records a problem at `node`'s place (or the top of the file for a null node).
  void error(const YAML::Node& node, std::string message);
  void error(Mark mark, std::string message);
  Mark mark_of(const YAML::Node& node) const;
  std::size_t problem_count() const { return problems_.size() - first_problem_; }
  // Checks that only a user's file needs (the built-in pack passes them at build time).
  bool checks_everything() const { return trust_ == FileTrust::checked; }
  // Exceptions brought in by the recognizers used so far.
  const std::vector<Pattern>& recognizer_exceptions() const { return recognizer_exceptions_; }

 private:
  YAML::Node root_;
  std::string origin_;
  std::vector<Problem>& problems_;
  std::size_t first_problem_;
  const RecognizerTable* recognizers_;
  FileTrust trust_;
  std::vector<Pattern> recognizer_exceptions_;
  std::vector<std::string> recognizers_used_;
};

// A phrase compiled as `tokens` entries are (used for the `accept` vocabulary).
std::optional<Pattern> compile_phrase(const std::string& phrase, bool ignorecase, std::string* error);

// Levenshtein distance, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace draftlint::detail
