// Shared by the input-format fuzz targets: the built-in rules compiled once, and the same gate
// the CLI applies (only valid UTF-8 text is linted).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <draftlint/document.h>
#include <draftlint/linter.h>
#include <draftlint/rules.h>

inline int fuzz_lint(const std::uint8_t* data, std::size_t size, draftlint::InputFormat format) {
  static const std::shared_ptr<const draftlint::Linter> linter = [] {
    return draftlint::Linter::compile(draftlint::RuleSet::builtin().rules).linter;
  }();
  draftlint::ReadResult read = draftlint::check_text(std::string(reinterpret_cast<const char*>(data), size));
  if (!read.ok() || !linter) return 0;
  draftlint::DocumentOptions options;
  options.format = format;
  options.front_matter = {"subject"};
  options.report_unused_disables = (size % 2) == 1;
  (void)linter->lint(read.text, options);
  return 0;
}
