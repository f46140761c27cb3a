// A C++ program built against an installed draftlint (find_package, draftlint::draftlint): the
// C++ API, plus the C header included from C++.
#include <draftlint/draftlint.h>

#include <draftlint/draftlint.hpp>
#include <iostream>

int main() {
  draftlint::LoadResult loaded = draftlint::RuleSet::builtin();
  draftlint::CompileResult compiled = draftlint::Linter::compile(loaded.rules);
  if (!loaded.ok() || !compiled.ok()) {
    std::cerr << "the built-in pack did not load\n";
    return 1;
  }
  int platitudes = 0;
  for (const draftlint::Diagnostic& d : compiled.linter->lint("Rest assured, we value your business.")) {
    if (d.rule == "platitude") ++platitudes;
  }
  if (platitudes == 0) {
    std::cerr << "no platitude found\n";
    return 1;
  }
  if (draftlint::version() != EXPECTED_VERSION || draftlint_abi_version() != DRAFTLINT_ABI_VERSION) {
    std::cerr << "version mismatch: " << draftlint::version() << "\n";
    return 1;
  }
  std::cout << "consumer_cpp: " << platitudes << " platitude(s)\n";
  return 0;
}
