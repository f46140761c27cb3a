// Scope → units (see scope_units.h).
#include "segment/scope_units.h"

#include <algorithm>

namespace draftlint::detail {

std::vector<Span> scope_units(const Scope& scope, const Segmentation& segments, std::size_t text_size) {
  const auto& paragraphs = segments.paragraphs;
  const auto& sentences = segments.sentences;
  switch (scope.kind) {
    case ScopeKind::text:
    case ScopeKind::document: return {Span{0, text_size}};
    case ScopeKind::sentence: return sentences;
    case ScopeKind::paragraph: return paragraphs;
    case ScopeKind::first_paragraph:
      return paragraphs.empty() ? std::vector<Span>{} : std::vector<Span>{paragraphs.front()};
    case ScopeKind::last_paragraph:
      return paragraphs.empty() ? std::vector<Span>{} : std::vector<Span>{paragraphs.back()};
    case ScopeKind::first_sentences: {
      if (sentences.empty()) return {};
      const std::size_t last = std::min<std::size_t>(sentences.size(), static_cast<std::size_t>(scope.count)) - 1;
      return {Span{sentences.front().begin, sentences[last].end}};
    }
  }
  return {Span{0, text_size}};
}

}  // namespace draftlint::detail
