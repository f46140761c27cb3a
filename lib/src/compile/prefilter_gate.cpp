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

}  // namespace

PrefilterGate::PrefilterGate(std::span<const Pattern> patterns)
    : data_(builtin_prefilters()), filter_of_(patterns.size()), ids_by_literal_(data_.literals.size()) {
  for (std::size_t id = 0; id < patterns.size(); ++id) {
    const EmbeddedPrefilter* filter = find_filter(data_, patterns[id].regex);
    filter_of_[id] = filter;
    if (!filter) {
      always_.push_back(static_cast<int>(id));
      continue;
    }
    for (std::uint16_t word : filter->code) {
      if (PrefilterCode::op(word) != PrefilterCode::literal_op) continue;
      std::vector<int>& ids = ids_by_literal_[PrefilterCode::value(word)];
      if (ids.empty() || ids.back() != static_cast<int>(id)) ids.push_back(static_cast<int>(id));
    }
  }
}

bool PrefilterGate::holds(std::span<const std::uint16_t> code, std::size_t& at, const std::vector<unsigned char>& seen) {
  const std::uint16_t word = code[at++];
  const std::size_t value = PrefilterCode::value(word);
  if (PrefilterCode::op(word) == PrefilterCode::literal_op) return seen[value] != 0;
  const bool need_all = PrefilterCode::op(word) == PrefilterCode::all_op;
  bool result = need_all;
  for (std::size_t part = 0; part < value; ++part) {
    const bool h = holds(code, at, seen);  // always evaluated, to move past the part
    result = need_all ? result && h : result || h;
  }
  return result;
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
      std::size_t at = 0;
      if (holds(filter_of_[static_cast<std::size_t>(id)]->code, at, seen)) ids.push_back(id);
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace draftlint::detail
