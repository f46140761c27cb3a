// draftlint_bench: the public library API, per stage, on the corpus of bench/gen_corpus.py.
//
//   BM_LoadBuiltin            parse the embedded YAML pack (RuleSet::builtin)
//   BM_CompileBuiltin         Linter::compile of the built-in pack (the literal prefilter; no
//                             regex is compiled yet)
//   BM_CompileBuiltinSet      the same, then the RE2::Set a linter compiles once it expects
//                             128 KiB or more of text (Linter::expect), with one tiny lint()
//   BM_Notices/<pack>         lint() every notice of the sample (plain text and Markdown, each
//                             in its own format); packs:
//                               none      a linter with no rules: prepare (templates, Markdown),
//                                         segment, line index, suppressions: the fixed cost
//                               full      the built-in pack
//                               phrases   the built-in span rules (existence, substitution)
//                               rule:ID   one built-in rule alone (its marginal cost is this
//                                         minus `none`)
//   BM_PlainNotices/<pack>    the same on the plain-text notices only (the first N of them)
//   BM_MarkdownNotices/<pack> the same on the Markdown notices only
//   BM_Large/<KiB>/<pack>     one plain-text file cut to KiB (growth with file size)
//   BM_Startup2K              load + compile + lint one 2 KB notice (the library share of a
//                             CLI start-up)
//
// Every lint benchmark reports bytes/s (SetBytesProcessed). Environment:
//   DRAFTLINT_BENCH_CORPUS   corpus directory (default: the one the build generated)
//   DRAFTLINT_BENCH_NOTICES  how many notices the Notices benchmarks lint (default 300)
//   DRAFTLINT_BENCH_RULES    "0" skips the per-rule benchmarks
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <draftlint/linter.h>
#include <draftlint/rules.h>

#include "bench_corpus.h"

namespace {

using draftlint::Linter;
using draftlint::LintOptions;
using draftlint::RuleSet;

const RuleSet& builtin_rules() {
  static const RuleSet rules = RuleSet::builtin().rules;
  return rules;
}

std::shared_ptr<const Linter> make_linter(const std::string& pack) {
  static std::map<std::string, std::shared_ptr<const Linter>> cache;
  if (auto it = cache.find(pack); it != cache.end()) return it->second;
  LintOptions options;
  RuleSet rules = builtin_rules();
  if (pack == "none") {
    rules = RuleSet();
  } else if (pack == "phrases") {
    for (const auto& info : rules.info()) {
      if (info.kind == "existence" || info.kind == "substitution") options.select.push_back(info.id);
    }
  } else if (pack.rfind("rule:", 0) == 0) {
    options.select.push_back(pack.substr(5));
  }
  auto result = Linter::compile(rules, options);
  if (!result.linter) {
    std::fprintf(stderr, "cannot compile pack %s\n", pack.c_str());
    std::exit(2);
  }
  cache[pack] = result.linter;
  return result.linter;
}

std::size_t notice_count() {
  const char* env = std::getenv("DRAFTLINT_BENCH_NOTICES");
  const std::size_t n = env && *env ? std::strtoul(env, nullptr, 10) : 300;
  return std::min(n, bench::corpus().notices.size());
}

void BM_LoadBuiltin(benchmark::State& state) {
  for (auto _ : state) {
    auto result = RuleSet::builtin();
    benchmark::DoNotOptimize(result.rules.size());
  }
}

void BM_CompileBuiltin(benchmark::State& state) {
  const RuleSet& rules = builtin_rules();
  for (auto _ : state) {
    auto result = Linter::compile(rules);
    benchmark::DoNotOptimize(result.linter.get());
  }
}

void BM_CompileBuiltinSet(benchmark::State& state) {
  const RuleSet& rules = builtin_rules();
  for (auto _ : state) {
    auto result = Linter::compile(rules);
    result.linter->expect(std::size_t{1} << 20);
    benchmark::DoNotOptimize(result.linter->lint("x").size());
  }
}

void BM_Notices(benchmark::State& state, const std::string& pack, int only_format) {
  const auto linter = make_linter(pack);
  std::vector<const bench::Notice*> notices;
  for (const bench::Notice& n : bench::corpus().notices) {
    if (only_format >= 0 && static_cast<int>(n.format) != only_format) continue;
    notices.push_back(&n);
    if (notices.size() == notice_count()) break;
  }
  std::size_t bytes = 0, findings = 0;
  for (const auto* n : notices) bytes += n->text.size();
  for (auto _ : state) {
    findings = 0;
    for (const auto* n : notices) {
      draftlint::DocumentOptions doc;
      doc.format = n->format;
      auto diagnostics = linter->lint(n->text, doc);
      findings += diagnostics.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["notices"] = static_cast<double>(notices.size());
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_Large(benchmark::State& state, const std::string& pack) {
  const auto linter = make_linter(pack);
  const std::string text = bench::large_prefix(static_cast<std::size_t>(state.range(0)) * 1024);
  std::size_t findings = 0;
  for (auto _ : state) {
    findings = linter->lint(text).size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_Startup2K(benchmark::State& state) {
  const std::string& text = bench::corpus().small;
  for (auto _ : state) {
    auto rules = RuleSet::builtin();
    auto linter = Linter::compile(rules.rules).linter;
    benchmark::DoNotOptimize(linter->lint(text).size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  benchmark::RegisterBenchmark("BM_LoadBuiltin", BM_LoadBuiltin)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_CompileBuiltin", BM_CompileBuiltin)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_CompileBuiltinSet", BM_CompileBuiltinSet)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_Startup2K", BM_Startup2K)->Unit(benchmark::kMillisecond);

  std::vector<std::string> packs = {"none", "full", "phrases"};
  const char* per_rule = std::getenv("DRAFTLINT_BENCH_RULES");
  if (!per_rule || std::string(per_rule) != "0") {
    for (const auto& info : builtin_rules().info()) packs.push_back("rule:" + info.id);
  }
  for (const std::string& pack : packs) {
    benchmark::RegisterBenchmark(("BM_Notices/" + pack).c_str(),
                                 [pack](benchmark::State& s) { BM_Notices(s, pack, -1); })
        ->Unit(benchmark::kMillisecond);
  }
  for (const std::string pack : {"none", "full", "phrases"}) {
    benchmark::RegisterBenchmark(("BM_PlainNotices/" + pack).c_str(),
                                 [pack](benchmark::State& s) { BM_Notices(s, pack, static_cast<int>(draftlint::InputFormat::text)); })
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_MarkdownNotices/" + pack).c_str(),
                                 [pack](benchmark::State& s) { BM_Notices(s, pack, static_cast<int>(draftlint::InputFormat::markdown)); })
        ->Unit(benchmark::kMillisecond);
  }
  for (const std::string pack : {"none", "full"}) {
    benchmark::RegisterBenchmark(("BM_Large/" + pack).c_str(), [pack](benchmark::State& s) { BM_Large(s, pack); })
        ->Arg(128)->Arg(256)->Arg(512)->Arg(1024)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
