// The literal prefilter gate (see prefilter_gate.h).
#include "compile/prefilter_gate.h"

#include <algorithm>
#include <unordered_map>

#include "compile/literal_filter.h"
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

// Per-thread scratch for candidates(): a Linter is shared between threads. `seen` and `holds`
// are all zero between calls (each call clears what it set), so a call costs what it finds,
// not the size of the tables.
struct Scratch {
  std::string folded;
  std::vector<unsigned char> seen;     // per literal
  std::vector<std::uint32_t> found;
  std::vector<unsigned char> holds;    // per code word
  std::vector<std::uint32_t> touched;  // code words to clear
};

}  // namespace

PrefilterGate::PrefilterGate(std::span<const Pattern> patterns) : read_(patterns.size(), 0) {
  const EmbeddedPrefilters data = builtin_prefilters();
  literals_.assign(data.literals.begin(), data.literals.end());
  builtin_literals_ = literals_.size();
  ReadIndex read_index;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const int id = static_cast<int>(i);
    const EmbeddedPrefilter* embedded = find_filter(data, patterns[i].regex);
    // A built-in pattern the build found no filter for gets none: reading would only cost
    // start-up.
    std::optional<LiteralFormula> read;
    if (!embedded && !patterns[i].builtin) read = literal_filter(patterns[i].regex);
    if (embedded) {
      add_embedded(id, *embedded);
    } else if (read) {
      add_read(id, *read, read_index);
    } else {
      always_.push_back(id);
    }
  }
  // The watched places of each literal, grouped by literal (counted, then filled).
  place_start_.assign(literals_.size() + 1, 0);
  for (std::size_t at = 0; at < code_.size(); ++at) {
    if (watched_[at]) ++place_start_[(code_[at] & kValue) + 1];
  }
  for (std::size_t i = 1; i < place_start_.size(); ++i) place_start_[i] += place_start_[i - 1];
  places_.resize(place_start_.back());
  std::vector<std::uint32_t> next(place_start_.begin(), place_start_.end() - 1);
  for (std::size_t at = 0; at < code_.size(); ++at) {
    if (watched_[at]) places_[next[code_[at] & kValue]++] = static_cast<std::uint32_t>(at);
  }
  if (read_count_ > 0) {
    all_scanner_ = std::make_unique<LiteralScanner>(literals_);
    read_scanner_ = std::make_unique<LiteralScanner>(literals_, builtin_literals_);
  }
}

PrefilterGate::~PrefilterGate() = default;

void PrefilterGate::add_embedded(int id, const EmbeddedPrefilter& filter) {
  const std::size_t start = code_.size();
  for (const std::uint16_t word : filter.code) {
    const std::uint32_t value = static_cast<std::uint32_t>(PrefilterCode::value(word));
    switch (PrefilterCode::op(word)) {
      case PrefilterCode::literal_op: code_.push_back(kLiteral | value); break;
      case PrefilterCode::all_op: code_.push_back(kAll | value); break;
      case PrefilterCode::any_op: code_.push_back(kAny | value); break;
    }
  }
  finish_code(id, start);
}

void PrefilterGate::add_read(int id, const LiteralFormula& filter, ReadIndex& index) {
  const std::size_t start = code_.size();
  encode(filter, index);
  finish_code(id, start);
  read_[static_cast<std::size_t>(id)] = 1;
  ++read_count_;
}

void PrefilterGate::encode(const LiteralFormula& f, ReadIndex& index) {
  if (f.kind == LiteralFormula::literal) {
    code_.push_back(kLiteral | literal_index(f.text, index));
    return;
  }
  code_.push_back((f.kind == LiteralFormula::all ? kAll : kAny) | static_cast<std::uint32_t>(f.parts.size()));
  for (const LiteralFormula& part : f.parts) encode(part, index);
}

std::uint32_t PrefilterGate::literal_index(std::string_view text, ReadIndex& index) {
  // Read literals get their own entries even when the build has the same one: the gate over
  // read filters alone scans for read literals alone.
  if (const auto it = index.find(text); it != index.end()) return it->second;
  const std::string& kept = read_texts_.emplace_back(text);
  const auto i = static_cast<std::uint32_t>(literals_.size());
  literals_.push_back(kept);
  index.emplace(kept, i);
  return i;
}

void PrefilterGate::finish_code(int id, std::size_t start) {
  parent_.resize(code_.size());
  ends_.resize(code_.size());
  watched_.resize(code_.size(), 0);
  owner_.resize(code_.size(), id);
  // First parents, ends and each node's sharpness (its literals' length: an AND's sharpest
  // part, an OR's bluntest), then which literals are watched, from the root down.
  std::vector<std::size_t>& sharp = sharpness_;  // reused: a pack has hundreds of patterns
  sharp.assign(code_.size() - start, 0);
  const auto mark = [&](auto& self, std::size_t at, std::uint32_t parent) -> std::size_t {
    parent_[at] = parent;
    std::size_t next = at + 1;
    const std::uint32_t op = code_[at] & ~kValue;
    if (op == kLiteral) {
      sharp[at - start] = literals_[code_[at] & kValue].size();
    } else {
      std::size_t best = op == kAll ? 0 : SIZE_MAX;
      for (std::uint32_t part = 0; part < (code_[at] & kValue); ++part) {
        const std::size_t child = next;
        next = self(self, next, static_cast<std::uint32_t>(at));
        best = op == kAll ? std::max(best, sharp[child - start]) : std::min(best, sharp[child - start]);
      }
      sharp[at - start] = best;
    }
    ends_[at] = static_cast<std::uint32_t>(next);
    return next;
  };
  mark(mark, start, kNone);
  const auto watch = [&](auto& self, std::size_t at) -> void {
    const std::uint32_t op = code_[at] & ~kValue;
    if (op == kLiteral) {
      watched_[at] = 1;
      return;
    }
    std::size_t chosen = at + 1;  // an AND's sharpest part; every part of an OR
    for (std::size_t part = at + 1; part < ends_[at]; part = ends_[part]) {
      if (op != kAll) {
        self(self, part);
      } else if (sharp[part - start] > sharp[chosen - start]) {
        chosen = part;
      }
    }
    if (op == kAll) self(self, chosen);
  };
  watch(watch, start);
}

bool PrefilterGate::evaluate(std::size_t at, const std::vector<unsigned char>& seen) const {
  const std::uint32_t op = code_[at] & ~kValue;
  if (op == kLiteral) return seen[code_[at] & kValue] != 0;
  for (std::size_t part = at + 1; part < ends_[at]; part = ends_[part]) {
    if (evaluate(part, seen) != (op == kAll)) return op != kAll;  // a false AND part, a true OR part
  }
  return op == kAll;
}

std::vector<int> PrefilterGate::candidates(std::string_view text, Which which, std::size_t* read_found) const {
  thread_local Scratch scratch;
  Scratch& s = scratch;
  if (s.seen.size() < literals_.size()) s.seen.resize(literals_.size(), 0);
  if (s.holds.size() < code_.size()) s.holds.resize(code_.size(), 0);
  s.folded.clear();
  s.found.clear();
  fold_for_literals(text, s.folded);

  std::vector<int> ids;
  if (which == Which::all) {
    ids = always_;
    (all_scanner_ ? *all_scanner_ : builtin_scanner()).scan(s.folded, s.seen, s.found);
  } else if (read_scanner_) {
    read_scanner_->scan(s.folded, s.seen, s.found);
  }
  for (const std::uint32_t literal : s.found) {
    for (std::uint32_t p = place_start_[literal]; p < place_start_[literal + 1]; ++p) {
      std::uint32_t at = places_[p];
      // Up from this place while each node it reaches now holds.
      while (!s.holds[at]) {
        s.holds[at] = 1;
        s.touched.push_back(at);
        const std::uint32_t up = parent_[at];
        if (up == kNone) {
          ids.push_back(owner_[at]);
          break;
        }
        if ((code_[up] & ~kValue) == kAll) {
          // `at` is the part this AND watches: it holds if the others do too.
          bool all = true;
          for (std::size_t part = up + 1; part < ends_[up] && all; part = ends_[part]) {
            all = part == at || evaluate(part, s.seen);
          }
          if (!all) break;
        }
        at = up;
      }
    }
  }
  if (read_found) {
    *read_found = static_cast<std::size_t>(
        std::count_if(s.found.begin(), s.found.end(), [&](std::uint32_t literal) { return literal >= builtin_literals_; }));
  }
  for (const std::uint32_t literal : s.found) s.seen[literal] = 0;
  for (const std::uint32_t at : s.touched) {
    s.holds[at] = 0;
  }
  s.touched.clear();
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace draftlint::detail
