// Splits a (masked) text into paragraphs and sentences, as byte ranges into that text.
//
// Paragraphs are separated by blank lines; in a text with no blank line between its lines
// (one paragraph per line, as many e-mails and exports are), every line is a paragraph.
// Headings (#…) and list items (-, *, +, •, 1.) are units of their own. Sentences end at . ! ?
// or an ellipsis followed by space and a word that is not lower case, except after known
// abbreviations (e.g., Mr., Inc. before a lower-case word, a.m./p.m. likewise) and initials;
// punctuation inside a token (2.5, v1.2.3, 10:30, URLs, e-mail addresses) never ends one.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "match/match_cache.h"

namespace draftlint::detail {

struct Segmentation {
  std::vector<Span> paragraphs;  // in order, trimmed of surrounding whitespace
  std::vector<Span> sentences;   // in order, each inside one paragraph
  // Per sentence: true for a unit that does not end like a sentence (no . ! ? : ;) — a title,
  // heading, subject line, greeting ("Hi everyone,") or signature. Not part of the body.
  std::vector<bool> titles;

  // Indexes of the body sentences (those that are not titles), in order.
  std::vector<std::size_t> body_sentences() const;

  // The sentence containing `offset` (or the nearest one before it); {0, 0} when none.
  Span sentence_at(std::size_t offset) const;
  // Index of that sentence in `sentences`; sentences.size() when there is none.
  std::size_t sentence_index_at(std::size_t offset) const;
};

Segmentation segment(std::string_view text);

}  // namespace draftlint::detail
