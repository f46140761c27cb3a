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
  explicit TemplateScanner(std::string_view text);

  // The leftmost tag starting at or after `from`; calls must not go backwards.
  std::optional<Span> next(std::size_t from);

 private:
  // The end of the tag that starts at `at`, if one does.
  std::optional<std::size_t> tag_at(std::size_t at);
  std::optional<std::size_t> brace_tag_at(std::size_t at);
  std::optional<std::size_t> printf_tag_at(std::size_t at) const;
  // A remembered search: the first occurrence at or after `from` is also the first one at or
  // after any later start up to the occurrence itself, so it is searched for again only past it.
  class NextOccurrence {
   public:
    explicit NextOccurrence(std::string_view needle = {}) : needle_(needle) {}
    // Where the needle next occurs in `text` at or after `from`, or npos.
    std::size_t at_or_after(std::string_view text, std::size_t from);

   private:
    std::string_view needle_;
    bool known_ = false;
    std::size_t from_ = 0;  // searched from here
    std::size_t at_ = 0;    // first occurrence at or after from_ (npos: none)
  };

  std::string_view text_;
  std::array<NextOccurrence, 5> closers_;  // of each block tag (kBlocks), in order
  NextOccurrence next_brace_{"{"};
  NextOccurrence next_percent_{"%"};
};

}  // namespace draftlint::detail
