// Regexes compiled on first use (see lazy_regex.h).
#include "compile/lazy_regex.h"

#include <re2/re2.h>
#include <re2/set.h>

namespace draftlint::detail {
namespace {

// Quiet (we quote errors ourselves) and bounded, so a hostile pattern cannot take unbounded
// memory.
RE2::Options regex_options() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  return options;
}

}  // namespace

LazyRegex::LazyRegex(std::string regex) : regex_(std::move(regex)) {}
LazyRegex::~LazyRegex() = default;

const re2::RE2& LazyRegex::get() const {
  std::call_once(once_, [this] { re_ = std::make_unique<re2::RE2>(regex_, regex_options()); });
  return *re_;
}

bool LazyRegex::parses(const std::string& regex, std::string* error) {
  // Set::Add parses without building a program: about half the cost of constructing an RE2.
  RE2::Set set(regex_options(), RE2::UNANCHORED);
  return set.Add(regex, error) >= 0;
}

}  // namespace draftlint::detail
