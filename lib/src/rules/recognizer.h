// Named recognizers: reusable pattern sets (rules/recognizers/NAME.yml) that rule files refer
// to as @NAME in any pattern list, e.g. `patterns: ['@time']`. A recognizer's own exceptions
// (a dateline is not a time commitment) travel with it into every rule that uses it.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace draftlint::detail {

struct Recognizer {
  std::string name;  // without the @
  std::string description;
  std::string origin;
  std::vector<Pattern> patterns;
  std::vector<Pattern> exceptions;
};

class RecognizerTable {
 public:
  // Adds or replaces a recognizer by name.
  void add(std::shared_ptr<const Recognizer> recognizer);
  const Recognizer* find(std::string_view name) const;
  std::string names() const;  // "@a, @b" for error messages
  bool empty() const { return table_.empty(); }

 private:
  std::map<std::string, std::shared_ptr<const Recognizer>, std::less<>> table_;
};

// Parses one recognizer file of a user's pack, with every check (keys: description, ignorecase,
// tokens, patterns, exceptions).
std::shared_ptr<const Recognizer> parse_recognizer(std::string_view yaml, const std::string& origin,
                                                   std::string_view file_name, std::vector<Problem>& problems);

// The recognizers embedded from rules/recognizers/, loaded once. Problems (a broken built-in
// file, which the test suite rules out) are appended to *problems on every call.
const RecognizerTable& builtin_recognizers(std::vector<Problem>* problems);

// builtin_recognizers() plus every *.yml in `directory` (if it exists), which win on names.
RecognizerTable recognizers_with(const std::filesystem::path& directory, std::vector<Problem>& problems);

}  // namespace draftlint::detail
