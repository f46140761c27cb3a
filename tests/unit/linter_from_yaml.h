// Test helper: a Linter compiled from rule files given as YAML text, each with its file name.
// Any problem loading or compiling them fails the calling test.
#pragma once

#include <initializer_list>
#include <memory>
#include <string_view>
#include <utility>

#include <gtest/gtest.h>

#include <draftlint/draftlint.hpp>

inline std::shared_ptr<const draftlint::Linter> linter_from_yaml(
    std::initializer_list<std::pair<std::string_view, std::string_view>> files) {
  draftlint::RuleSet set;
  for (const auto& [yaml, name] : files) {
    const auto loaded = draftlint::RuleSet::load_string(yaml, name);
    for (const auto& p : loaded.problems) ADD_FAILURE() << p.to_string();
    set.merge(loaded.rules);
  }
  const auto compiled = draftlint::Linter::compile(set);
  for (const auto& p : compiled.problems) ADD_FAILURE() << p.to_string();
  return compiled.linter;
}
