// Finds template tags in a text: the spans this RE2 finds, leftmost first, one after another,
//
//   (?s)\{\{!--.*?--\}\}|\{\{\{.*?\}\}\}|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}
//   |\{[A-Za-z_][A-Za-z0-9_.]*(?:,[^{}\n]{0,80})?\}
//   |%\([A-Za-z_][A-Za-z0-9_]*\)[-+#0]*[0-9]*(?:\.[0-9]+)?[sdifrxXeEgGc]
//   |%[0-9]+\$[sd]|%[-+#0]*[0-9]*(?:\.[0-9]+)?[sdif]
//
// written out by hand because every run masks templates before anything else, and compiling
// that regex and warming its DFA cost more than the rest of masking a short notice. A test
// checks the two agree on generated texts. Linear in the text: the next place of each closing
// delimiter is remembered, so a text full of "{{" with no "}}" is not searched again and again.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "match/match_cache.h"

namespace draftlint::detail {

class TemplateScanner {
 public:
  explicit TemplateScanner(std::string_view text) : text_(text) {}

  // The leftmost tag starting at or after `from`; calls must not go backwards.
  std::optional<Span> next(std::size_t from);

 private:
  // The end of the tag that starts at `at`, if one does.
  std::optional<std::size_t> tag_at(std::size_t at);
  std::optional<std::size_t> brace_tag_at(std::size_t at);
  std::optional<std::size_t> printf_tag_at(std::size_t at) const;
  // A remembered search: the first occurrence at or after `from` is also the first one at or
  // after any later start up to the occurrence itself.
  struct Found {
    bool known = false;
    std::size_t from = 0;  // searched from here
    std::size_t at = 0;    // first occurrence at or after `from` (npos: none)
  };
  // Where closing delimiter `which` next occurs at or after `from`, or npos.
  std::size_t closer_at_or_after(std::size_t which, std::size_t from);
  // Where `c` next occurs at or after `from`, or npos, remembered in `f`.
  std::size_t next_at_or_after(Found& f, char c, std::size_t from) const;

  std::string_view text_;
  std::array<Found, 5> closers_{};
  Found next_brace_;
  Found next_percent_;
};

}  // namespace draftlint::detail
