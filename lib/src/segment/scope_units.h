// The stretches of a document a rule's scope covers: one unit per sentence for `sentence`,
// one per paragraph for `paragraph`, one for the whole text for `text`/`document`, and a
// single leading or trailing stretch for first-paragraph, first-sentences: N, last-paragraph.
// "First" counts the body only: titles, headings and greetings before it are skipped.
#pragma once

#include <vector>

#include "rules/rule.h"
#include "segment/segmenter.h"

namespace draftlint::detail {

std::vector<Span> scope_units(const Scope& scope, const Segmentation& segments, std::size_t text_size);

}  // namespace draftlint::detail
