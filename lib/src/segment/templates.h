// Template syntax in any input: Jinja2/Liquid/Django ({{ x }}, {% tag %}, {# note #}),
// Handlebars/Mustache ({{x}}, {{{x}}}, {{#each}}, {{/each}}, {{! note }}), ICU/brace
// placeholders ({order_id}) and printf-style (%s, %(name)s). Each is masked — replaced by
// the marker U+E001 and spaces, same length, line breaks kept — so it is never a word to
// flag and never ends a sentence. A value placeholder whose name says it is a time ({{ eta }}, {delivery_date},
// {{ resolved_by }}) is masked with the time marker U+E000 instead, which the @time
// recognizer counts as a concrete time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "match/match_cache.h"

namespace draftlint::detail {

// The marker that stands for a time placeholder in masked text (UTF-8 of U+E000).
inline constexpr std::string_view kTimeMarker = "\xEE\x80\x80";
// The marker for any other placeholder or tag (U+E001): one neutral non-space character.
inline constexpr std::string_view kPlaceholderMarker = "\xEE\x80\x81";

struct Placeholder {
  Span span;
  std::string name;    // the variable's name, e.g. "customer.name"; empty for control tags
  bool control = false;
  bool time = false;
};

// Masks template syntax in place (same length). Returns what was masked, in order. With
// `originals`, also appends the bytes of each masked span as they were, so that the caller
// can put them back (see InPlaceMask).
std::vector<Placeholder> mask_templates(std::string& text, std::string* originals = nullptr);

// True when a variable name reads as a time: date, time, eta, deadline, due, until, by, ...
bool is_time_name(std::string_view name);

}  // namespace draftlint::detail
