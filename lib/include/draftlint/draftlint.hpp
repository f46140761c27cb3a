// draftlint — lint draft customer notices that deliver bad news.
//
// In ten lines:
//
//   #include <draftlint/draftlint.hpp>
//
//   draftlint::LoadResult loaded = draftlint::RuleSet::builtin();    // or load_directory(dir)
//   for (const auto& p : loaded.problems) std::cerr << p.to_string() << "\n";
//   draftlint::CompileResult compiled = draftlint::Linter::compile(loaded.rules);
//   std::shared_ptr<const draftlint::Linter> linter = compiled.linter;  // share across threads
//   for (const draftlint::Diagnostic& d : linter->lint("Rest assured, we value your business."))
//     std::cout << d.start.line << ":" << d.start.column << " " << d.rule << ": " << d.message;
//
// Errors are values, never exceptions: loading and compiling return every Problem (file,
// line, column, message) and leave faulty rules out. A Linter is immutable; lint() is const
// and thread-safe. Offsets are bytes into the text you passed; columns count code points.
#pragma once

#include "draftlint/config.h"
#include "draftlint/diagnostic.h"
#include "draftlint/document.h"
#include "draftlint/examples.h"
#include "draftlint/fix.h"
#include "draftlint/format.h"
#include "draftlint/linter.h"
#include "draftlint/lsp.h"
#include "draftlint/rules.h"
#include "draftlint/version.h"
#include "draftlint/workspace.h"
