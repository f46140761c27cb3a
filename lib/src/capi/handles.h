// The C API's opaque handles (draftlint_options, draftlint_linter, draftlint_result), defined
// in C++. Only lib/src/capi sees their layout; C callers hold pointers.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "draftlint/diagnostic.h"
#include "draftlint/draftlint.h"
#include "draftlint/linter.h"

// What draftlint_linter_new() builds from.
struct draftlint_options {
  bool builtin = true;
  std::vector<std::filesystem::path> rule_dirs;
  std::optional<std::filesystem::path> config;
  std::optional<std::filesystem::path> path;  // the file the texts come from
};

// A compiled linter and how it reads documents (front matter from the configuration).
struct draftlint_linter {
  std::shared_ptr<const draftlint::Linter> linter;
  draftlint::DocumentOptions document;
};

// The findings of one lint, with columns precomputed in every draftlint_unit, so the result
// does not need the linted text once it exists.
struct draftlint_result {
  static constexpr std::size_t kUnits = 3;  // DRAFTLINT_UNIT_CODE_POINT, _UTF16, _UTF8
  struct Entry {
    draftlint::Diagnostic diagnostic;
    std::array<std::int32_t, kUnits> start_column{};
    std::array<std::int32_t, kUnits> end_column{};
  };
  std::vector<Entry> entries;
};
