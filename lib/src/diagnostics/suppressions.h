// Suppression comments written in the document:
//   <!-- draftlint-disable rule-a, rule-b -->  …  <!-- draftlint-enable -->   (Markdown, HTML)
//   <!-- draftlint-disable-next-line rule -->                                  (Markdown, HTML)
//   {# draftlint-disable … #}, {{! draftlint-disable … }}                      (any template)
//   a line "draftlint-disable …" / "draftlint-enable" / "draftlint-disable-next-line …" (text)
// With no rule named, every rule. A disable without an enable lasts to the end of the file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "draftlint/diagnostic.h"
#include "draftlint/linter.h"

namespace draftlint::detail {

struct Suppression {
  std::vector<std::string> rules;   // empty: all rules
  std::vector<std::string> except;  // rules re-enabled inside an all-rules disable
  std::size_t directive_offset = 0;
  std::size_t directive_length = 0;
  std::size_t begin = 0;  // silenced range of the original text
  std::size_t end = 0;
  bool used = false;
};

std::vector<Suppression> find_suppressions(std::string_view original, InputFormat format);

// Removes the diagnostics a suppression covers and marks those suppressions used.
void apply_suppressions(std::vector<Diagnostic>& diagnostics, std::vector<Suppression>& suppressions);

}  // namespace draftlint::detail
