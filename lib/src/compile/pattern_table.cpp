// The gates over a Linter's patterns: the literal prefilter and the RE2::Set (see pattern_table.h).
#include "compile/pattern_table.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <numeric>

#include <re2/re2.h>
#include <re2/set.h>

#include "compile/lazy_regex.h"
#include "compile/prefilter_gate.h"

namespace draftlint::detail {

namespace {

// The gate may say "maybe" where the locator says "no", never the reverse. So it gets a
// looser form of each pattern: a bounded repeat {m,n} with n above a few becomes {k,} with
// k = min(m, 2). Bounded repeats of broad classes ("[^\n]{0,60}") make the set's DFA track
// every possible count at every position, multiplying its states until its cache thrashes
// (measured: ~1800 instructions per byte); the open form needs a single state.
std::string relax_for_gate(std::string_view regex) {
  std::string out;
  bool in_class = false;
  for (std::size_t i = 0; i < regex.size();) {
    const char c = regex[i];
    if (c == '\\') {
      std::size_t end = std::min(i + 2, regex.size());
      const char kind = i + 1 < regex.size() ? regex[i + 1] : '\0';
      if ((kind == 'x' || kind == 'p' || kind == 'P') && end < regex.size() && regex[end] == '{') {
        const std::size_t close = regex.find('}', end);
        end = close == std::string_view::npos ? regex.size() : close + 1;
      }
      out.append(regex.substr(i, end - i));
      i = end;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      ++i;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      ++i;
      if (i < regex.size() && regex[i] == '^') out += regex[i++];
      if (i < regex.size() && regex[i] == ']') out += regex[i++];  // a literal ] first
      continue;
    }
    if (c == '{') {
      std::size_t j = i + 1;
      std::size_t low = 0;
      std::size_t high = 0;
      bool digits = false;
      while (j < regex.size() && std::isdigit(static_cast<unsigned char>(regex[j]))) {
        low = low * 10 + static_cast<std::size_t>(regex[j++] - '0');
        digits = true;
      }
      high = low;
      bool open = false;
      if (j < regex.size() && regex[j] == ',') {
        ++j;
        if (j < regex.size() && regex[j] == '}') {
          open = true;
        } else {
          high = 0;
          while (j < regex.size() && std::isdigit(static_cast<unsigned char>(regex[j]))) {
            high = high * 10 + static_cast<std::size_t>(regex[j++] - '0');
          }
        }
      }
      if (digits && j < regex.size() && regex[j] == '}' && !open && high > 4) {
        out += '{';  // appended piece by piece: g++ 12 warns (-Wrestrict) on "{" + ... + ",}"
        out += std::to_string(std::min<std::size_t>(low, 2));
        out += ",}";
        i = j + 1;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

enum class GateOverride { none, literals, set };

GateOverride gate_override() {
  static const GateOverride value = [] {
    const char* env = std::getenv("DRAFTLINT_GATE");
    const std::string_view v = env ? env : "";
    return v == "literals" ? GateOverride::literals : v == "set" ? GateOverride::set : GateOverride::none;
  }();
  return value;
}

}  // namespace

struct PatternTable::SetHolder {
  explicit SetHolder(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
  std::vector<int> ids;  // the pattern id of each of the set's entries
};

PatternTable::PatternTable() = default;
PatternTable::~PatternTable() = default;

int PatternTable::add(const Pattern& pattern) {
  auto [it, inserted] = ids_.emplace(pattern.regex, static_cast<int>(patterns_.size()));
  if (inserted) patterns_.push_back(pattern);
  return it->second;
}

bool PatternTable::build(std::string* error) {
  empty_ = std::make_unique<std::atomic<signed char>[]>(patterns_.size());
  prefilter_ = std::make_unique<PrefilterGate>(patterns_);
  if (prefilter_->unfiltered() <= kMaxUnfiltered) return true;
  // Too many patterns the literal gate must always pass: compile the set now, so that an error
  // is reported at compile time and not on first use.
  set_claimed_.store(true, std::memory_order_relaxed);
  compile_set_once(error);
  return set_ok_;
}

bool PatternTable::build_set(std::string* error) const {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  set_ = std::make_unique<SetHolder>(options);
  const std::size_t probed = probed_bytes_.load(std::memory_order_relaxed);
  if (probed > 0) {
    read_on_literals_ = probed_found_.load(std::memory_order_relaxed) * 1024 <= kMaxReadLiteralsPerKiB * probed;
  }
  if (prefilter_->read_filters() == 0) read_on_literals_ = false;
  for (std::size_t id = 0; id < patterns_.size(); ++id) {
    if (read_on_literals_ && prefilter_->read_filter(static_cast<int>(id))) continue;
    const Pattern& p = patterns_[id];
    std::string message;
    if (set_->set.Add(relax_for_gate(p.regex), &message) < 0) {
      *error = "pattern '" + p.source + "' cannot join the pattern set: " + message;
      return false;
    }
    set_->ids.push_back(static_cast<int>(id));
  }
  if (set_->ids.empty()) return true;
  if (!set_->set.Compile()) {
    *error = "the rules' patterns are too large to compile together";
    return false;
  }
  return true;
}

void PatternTable::compile_set_once(std::string* error) const {
  std::call_once(set_once_, [&] {
    set_ok_ = build_set(error);
    set_ready_.store(true, std::memory_order_release);
  });
}

bool PatternTable::set_compiled(bool wait) const {
  if (set_ready_.load(std::memory_order_acquire)) return true;
  if (set_claimed_.exchange(true, std::memory_order_acq_rel) && !wait) return false;
  std::string unused;  // this set was accepted at build(); only a memory limit can refuse it
  compile_set_once(&unused);
  return true;
}

PatternTable::Gate PatternTable::choose_gate(std::size_t bytes) const {
  const GateOverride forced = gate_override();
  if (forced != GateOverride::none) return forced == GateOverride::set ? Gate::set : Gate::literals;
  if (prefilter_->unfiltered() > kMaxUnfiltered) return Gate::set;
  const std::size_t asked = asked_bytes_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  return std::max(asked, expected_bytes_.load(std::memory_order_relaxed)) < kSetAfterBytes ? Gate::literals : Gate::set;
}

void PatternTable::expect(std::size_t bytes) const {
  std::size_t known = expected_bytes_.load(std::memory_order_relaxed);
  while (bytes > known && !expected_bytes_.compare_exchange_weak(known, bytes, std::memory_order_relaxed)) {
  }
}

bool PatternTable::may_match_empty(int id) const {
  std::atomic<signed char>& known = empty_[static_cast<std::size_t>(id)];
  if (const signed char k = known.load(std::memory_order_relaxed)) return k == 2;
  if (prefilter_->filtered(id)) {  // no compile needed: every match holds a literal
    known.store(1, std::memory_order_relaxed);
    return false;
  }
  // An empty match depends only on the characters around it: before it the start of the text,
  // a line break, a word character or another one, and the same after. These short texts hold
  // every pair, so an empty match at some position of them is one possible anywhere.
  static constexpr std::string_view kProbes[] = {"", "a", " ", "\n", "aa", "a ", "a\n", " a", "  ", " \n",
                                                 "\na", "\n ", "\n\n"};
  const RE2& re = pattern(id).re->get();
  bool empty = false;
  for (std::string_view probe : kProbes) {
    const re2::StringPiece text(probe.data(), probe.size());
    for (std::size_t at = 0; at <= probe.size() && !empty; ++at) {
      empty = re.ok() && re.Match(text, at, at, RE2::UNANCHORED, nullptr, 0);
    }
  }
  known.store(empty ? 2 : 1, std::memory_order_relaxed);
  return empty;
}

std::vector<int> PatternTable::gate(std::string_view text, Gate gate) const {
  std::vector<int> hits;
  if (patterns_.empty()) return hits;
  if (gate == Gate::set && prefilter_->read_filters() > 0 && !set_ready_.load(std::memory_order_acquire) &&
      probed_bytes_.load(std::memory_order_relaxed) < kProbeBytes) {
    // Probing (see the top of pattern_table.h). Threads racing past the limit probe a little more.
    std::size_t found = 0;
    hits = prefilter_->candidates(text, PrefilterGate::Which::all, &found);
    probed_found_.fetch_add(found, std::memory_order_relaxed);
    probed_bytes_.fetch_add(text.size(), std::memory_order_relaxed);
    return hits;
  }
  // While another thread compiles the set (tens of milliseconds), this one goes on with the
  // literal gate rather than wait: the candidates differ, the findings do not. Only a forced
  // set gate waits.
  if (gate == Gate::set && !set_compiled(gate_override() == GateOverride::set)) gate = Gate::literals;
  if (gate == Gate::literals || !set_ok_) return prefilter_->candidates(text);
  if (read_on_literals_) hits = prefilter_->candidates(text, PrefilterGate::Which::read);
  if (set_->ids.empty()) return hits;
  // With every pattern in the set, its entries are the pattern ids: no mapping to do.
  const bool whole = set_->ids.size() == patterns_.size();
  std::vector<int> entries;
  RE2::Set::ErrorInfo info{};
  if (!set_->set.Match(re2::StringPiece(text.data(), text.size()), whole ? &hits : &entries, &info) &&
      info.kind != RE2::Set::kNoError) {
    // Out of memory in the DFA: fall back to running every locator rather than missing hits.
    hits.resize(patterns_.size());
    std::iota(hits.begin(), hits.end(), 0);
    return hits;
  }
  for (const int entry : entries) hits.push_back(set_->ids[static_cast<std::size_t>(entry)]);
  std::sort(hits.begin(), hits.end());
  return hits;
}

}  // namespace draftlint::detail
