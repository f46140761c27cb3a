// `draftlint lsp`: the language server over standard input and output (lib/src/lsp).
#include <iostream>

#include <draftlint/lsp.h>

#include "commands.h"

namespace draftlint::cli {

int run_lsp(const PackOptions& pack, const LintCommand& lint) {
  // Raw, buffered standard streams: the protocol is bytes, and stdout carries only messages.
  std::ios::sync_with_stdio(false);
  lsp::ServerOptions options;
  options.workspace = workspace_options(pack, lint);
  return lsp::serve(std::cin, std::cout, std::cerr, std::move(options));
}

}  // namespace draftlint::cli
