// An RE2 compiled on first use. A rule pack holds hundreds of patterns but a short notice
// hits a few: the set gate decides which ones are ever run, so the rest are never compiled.
// Thread-safe: the first caller compiles, others wait.
#pragma once

#include <memory>
#include <mutex>
#include <string>

namespace re2 {
class RE2;
}

namespace draftlint::detail {

class LazyRegex {
 public:
  explicit LazyRegex(std::string regex);
  ~LazyRegex();
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;

  // The compiled regex. If RE2 refuses it here (it parsed at load time, so only a memory
  // limit can), the regex is !ok() and matches nothing.
  const re2::RE2& get() const;

  // Checks that `regex` parses, without compiling it; on failure *error is RE2's message.
  static bool parses(const std::string& regex, std::string* error);

 private:
  std::string regex_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<re2::RE2> re_;
};

}  // namespace draftlint::detail
