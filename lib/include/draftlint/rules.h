// Rule sets: loading declarative YAML rule files (the built-in pack or pack directories).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "draftlint/diagnostic.h"

namespace draftlint {

namespace detail {
struct Rule;
struct RuleSetAccess;
}  // namespace detail

// What `draftlint rules` and `draftlint explain` show about a rule.
struct RuleInfo {
  std::string id;           // the file stem, kebab-case
  std::string kind;         // "existence", "substitution", ...
  Severity severity = Severity::warning;
  std::string message;
  std::string description;
  std::string link;         // may be empty
  std::string scope;        // "text", "sentence", ...
  std::string origin;       // the file the rule came from ("builtin:NAME.yml" for the pack)
  std::vector<std::string> bad_examples;
  std::vector<std::string> good_examples;
};

struct LoadResult;

// An ordered collection of loaded rules, sorted by id. Cheap to copy (rules are shared and
// immutable). Building one never throws on bad input: see LoadResult.
class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(const RuleSet&);
  RuleSet& operator=(const RuleSet&);
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  // The pack embedded in the library at build time. Needs no files.
  static LoadResult builtin();
  // Every *.yml / *.yaml file directly inside `directory`, in name order.
  static LoadResult load_directory(const std::filesystem::path& directory);
  // One rule file; the rule id is the file stem.
  static LoadResult load_file(const std::filesystem::path& file);
  // One rule from YAML text; `file_name` gives the id (its stem) and names the file in problems.
  static LoadResult load_string(std::string_view yaml, std::string_view file_name);

  // Adds the rules of `other`; a rule with an id already present replaces the old one.
  void merge(const RuleSet& other);

  // A copy holding only the rule `id` (empty when there is none).
  RuleSet only(std::string_view id) const;

  std::size_t size() const;
  bool empty() const { return size() == 0; }
  bool contains(std::string_view id) const;
  std::vector<RuleInfo> info() const;
  std::optional<RuleInfo> info(std::string_view id) const;

 private:
  friend class Linter;
  friend struct detail::RuleSetAccess;
  std::vector<std::shared_ptr<const detail::Rule>> rules_;
};

// A rule set and every problem met while loading it. Faulty rules are left out of `rules`;
// all other rules load normally, so one broken file does not hide the rest.
struct LoadResult {
  RuleSet rules;
  std::vector<Problem> problems;
  bool ok() const { return problems.empty(); }
};

}  // namespace draftlint
