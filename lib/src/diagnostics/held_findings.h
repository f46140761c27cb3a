// Findings held between the checks and the Diagnostics they become (see linter.cpp): a
// finding takes 24 bytes here (a check's Finding takes 96, a Diagnostic some 300 with its
// strings), so a large file with many findings does not hold them all at full size at once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "draftlint/diagnostic.h"
#include "draftlint/document.h"
#include "draftlint/linter.h"
#include "kinds/kind.h"
#include "rules/rule.h"
#include "segment/prepared_text.h"

namespace draftlint::detail {

// The findings' messages, each distinct text stored once: a rule that flags the same words
// again and again renders the same message, and a large file has hundreds of thousands.
class MessageTable {
 public:
  // Takes `message` (leaving it empty, its memory freed) and returns its id.
  std::uint32_t add(std::string& message) {
    const auto [it, inserted] = ids_.try_emplace(std::move(message), static_cast<std::uint32_t>(texts_.size()));
    if (inserted) texts_.push_back(&it->first);
    std::string().swap(message);
    return it->second;
  }
  const std::string& text(std::uint32_t id) const { return *texts_[id]; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<const std::string*> texts_;  // by id; map nodes do not move
};

// A finding held until it becomes a Diagnostic: 24 bytes where a Finding takes 96.
struct Held {
  std::size_t offset = 0;  // in the prose
  std::size_t length = 0;
  std::uint32_t message = 0;      // in HeldFindings::table
  std::uint32_t replacement = 0;  // 1 + its index in HeldFindings::replacements; 0 for none
};

// Every finding of one lint, per rule (in the linter's order).
struct HeldFindings {
  std::vector<std::vector<Held>> findings;
  MessageTable table;
  std::vector<std::string> replacements;

  Held hold(Finding& f) {
    Held h{f.offset, f.length, table.add(f.message), 0};
    if (f.replacement) {
      replacements.push_back(std::move(*f.replacement));
      h.replacement = static_cast<std::uint32_t>(replacements.size());
    }
    return h;
  }
};

// The findings as Diagnostics of `text` (the original, before masking), sorted by offset then
// rule id, suppressions applied; `rules[i]` made findings[i]. Frees the held findings.
std::vector<Diagnostic> to_diagnostics(const std::vector<std::shared_ptr<const Rule>>& rules, HeldFindings& collected,
                                       const PreparedText& prepared, std::string_view text,
                                       const DocumentOptions& options);

// The same Diagnostics in the same order, made and handed to `each` one at a time (without the
// report of unused suppressions, known only once every finding was seen).
void each_sorted(const std::vector<std::shared_ptr<const Rule>>& rules, HeldFindings& collected,
                 const PreparedText& prepared, std::string_view text, InputFormat format,
                 const std::function<void(Diagnostic&&)>& each);

}  // namespace draftlint::detail
