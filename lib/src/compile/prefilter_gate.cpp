// The literal prefilter gate (see prefilter_gate.h).
#include "compile/prefilter_gate.h"

#include <algorithm>

#include "compile/literal_scanner.h"
#include "compile/literal_text.h"

namespace draftlint::detail {
namespace {

const LiteralScanner& builtin_scanner() {
  static const LiteralScanner scanner(builtin_prefilters().literals);
  return scanner;
}

const EmbeddedPrefilter* find_filter(const EmbeddedPrefilters& data, std::string_view regex) {
  const auto it = std::lower_bound(data.patterns.begin(), data.patterns.end(), regex,
                                   [](const EmbeddedPrefilter& p, std::string_view r) { return p.regex < r; });
  return it != data.patterns.end() && it->regex == regex ? &*it : nullptr;
}

// Fills ends[i] for the part starting at code[at] and its parts; returns where it ends.
std::uint32_t mark_ends(std::span<const std::uint16_t> code, std::uint32_t at, std::vector<std::uint32_t>& ends) {
  std::uint32_t next = at + 1;
  if (PrefilterCode::op(code[at]) != PrefilterCode::literal_op) {
    for (std::size_t part = 0; part < PrefilterCode::value(code[at]); ++part) next = mark_ends(code, next, ends);
  }
  ends[at] = next;
  return next;
}

}  // namespace

PrefilterGate::PrefilterGate(std::span<const Pattern> patterns)
    : data_(builtin_prefilters()),
      filter_of_(patterns.size()),
      ends_(patterns.size()),
      ids_by_literal_(data_.literals.size()) {
  for (std::size_t id = 0; id < patterns.size(); ++id) {
    const EmbeddedPrefilter* filter = find_filter(data_, patterns[id].regex);
    filter_of_[id] = filter;
    if (!filter) {
      always_.push_back(static_cast<int>(id));
      continue;
    }
    ends_[id].resize(filter->code.size());
    mark_ends(filter->code, 0, ends_[id]);
    for (std::uint16_t word : filter->code) {
      if (PrefilterCode::op(word) != PrefilterCode::literal_op) continue;
      std::vector<int>& ids = ids_by_literal_[PrefilterCode::value(word)];
      if (ids.empty() || ids.back() != static_cast<int>(id)) ids.push_back(static_cast<int>(id));
    }
  }
}

bool PrefilterGate::holds(std::span<const std::uint16_t> code, const std::vector<std::uint32_t>& ends, std::size_t at,
                          const std::vector<unsigned char>& seen) {
  const std::uint16_t word = code[at];
  const std::size_t value = PrefilterCode::value(word);
  if (PrefilterCode::op(word) == PrefilterCode::literal_op) return seen[value] != 0;
  const bool need_all = PrefilterCode::op(word) == PrefilterCode::all_op;
  std::size_t part = at + 1;
  for (std::size_t k = 0; k < value; ++k, part = ends[part]) {
    if (holds(code, ends, part, seen) != need_all) return !need_all;  // a false AND part, a true OR part
  }
  return need_all;
}

std::vector<int> PrefilterGate::candidates(std::string_view text) const {
  // Scratch kept per thread: a Linter is shared between threads.
  thread_local std::string folded;
  thread_local std::vector<unsigned char> seen;
  thread_local std::vector<std::uint32_t> found;
  thread_local std::vector<unsigned char> tried;
  folded.clear();
  found.clear();
  fold_for_literals(text, folded);
  seen.assign(data_.literals.size(), 0);
  builtin_scanner().scan(folded, seen, found);

  std::vector<int> ids = always_;
  tried.assign(filter_of_.size(), 0);
  for (std::uint32_t literal : found) {
    for (int id : ids_by_literal_[literal]) {
      if (tried[static_cast<std::size_t>(id)]) continue;
      tried[static_cast<std::size_t>(id)] = 1;
      const auto i = static_cast<std::size_t>(id);
      if (holds(filter_of_[i]->code, ends_[i], 0, seen)) ids.push_back(id);
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace draftlint::detail
