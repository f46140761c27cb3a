// Fixing until nothing is left to fix: lint, apply, lint the result again.
#include "draftlint/fix.h"

namespace draftlint {
namespace {

std::vector<Diagnostic> kept(std::vector<Diagnostic> diagnostics, const FindingFilter& keep) {
  if (keep) std::erase_if(diagnostics, [&](const Diagnostic& d) { return !keep(d); });
  return diagnostics;
}

}  // namespace

FixAllResult fix_all(const Linter& linter, std::string_view text, const DocumentOptions& options,
                     const FindingFilter& keep, int max_passes) {
  FixAllResult result;
  result.text = std::string(text);
  std::vector<Diagnostic> found = kept(linter.lint(result.text, options), keep);
  for (int pass = 0;; ++pass) {
    // Stop at a fixed point; the last lint is then exactly what remains.
    FixResult fixed = apply_fixes(result.text, found, options.format);
    if (fixed.applied.empty()) break;
    if (pass == max_passes) {
      result.converged = false;
      break;
    }
    result.applied += fixed.applied.size();
    result.text = std::move(fixed.text);
    found = kept(linter.lint(result.text, options), keep);
  }
  result.remaining = std::move(found);
  return result;
}

}  // namespace draftlint
