// draftlint_bench_internals: lint()'s stages one by one, through lib/src internals, to see
// where the time goes (built by name only: it follows internal APIs that may change).
//
//   BM_Prepare/<set>       detail::prepare (BOM, template masking, Markdown extraction)
//   BM_Segment/<set>       detail::segment (paragraphs, sentences)
//   BM_Gate/<set>          PatternTable::gate with the RE2::Set: one pass over the whole prose
//   BM_LiteralGate/<set>   PatternTable::gate with the literal prefilter (the candidates it
//                          passes, which the locators must then check, are counted too)
//   BM_GateChunked/<set>   a MatchCache without any locator: the gate per paragraph chunk,
//                          as lint() runs it
//   BM_Locate/<set>        the gate plus every locator the gate lets through (all spans of
//                          every pattern that may match): the matching cost
//   BM_Check/<set>/<rule>  one rule's check() with a fresh MatchCache (gate + its locators
//                          + its own logic); the segmentation is reused
// <set> is "notices" (the first DRAFTLINT_BENCH_NOTICES notices, default 300) or "largeK"
// (the first K KiB of large.txt), so growth with file size shows per stage.
//
// DRAFTLINT_BENCH_PATTERN_PROFILE=N prints the N most expensive locators instead.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <time.h>

#include <draftlint/linter.h>
#include <draftlint/rules.h>

#include "bench_corpus.h"
#include "compile/pattern_table.h"
#include "kinds/kind.h"
#include "match/match_cache.h"
#include "rules/rule.h"
#include "segment/prepare.h"
#include "segment/segmenter.h"

namespace {

using namespace draftlint;

struct Compiled {
  RuleSet rules;
  detail::PatternTable table;
  std::vector<std::pair<std::shared_ptr<const detail::Rule>, std::unique_ptr<detail::CompiledCheck>>> checks;
};

const Compiled& compiled() {
  static const Compiled* c = [] {
    auto* out = new Compiled;
    out->rules = RuleSet::builtin().rules;
    for (const auto& rule : detail::RuleSetAccess::rules(out->rules)) {
      out->checks.emplace_back(rule, rule->spec->compile(*rule, out->table));
    }
    std::string error;
    if (!out->table.build(&error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      std::exit(2);
    }
    return out;
  }();
  return *c;
}

struct Doc {
  std::string text;
  DocumentOptions options;
};

struct Prepared {
  std::string prose;
  detail::Segmentation segments;
};

std::vector<Doc> docs_for(const std::string& set) {
  std::vector<Doc> docs;
  if (set == "notices") {
    const char* env = std::getenv("DRAFTLINT_BENCH_NOTICES");
    const std::size_t n = env && *env ? std::strtoul(env, nullptr, 10) : 300;
    for (const auto& notice : bench::corpus().notices) {
      if (docs.size() == n) break;
      DocumentOptions o;
      o.format = notice.format;
      docs.push_back({notice.text, o});
    }
  } else {  // largeK
    docs.push_back({bench::large_prefix(std::stoul(set.substr(5)) * 1024), {}});
  }
  return docs;
}

std::vector<Prepared> prepared_for(const std::vector<Doc>& docs) {
  std::vector<Prepared> out;
  for (const Doc& d : docs) {
    std::string prose(detail::prepare(d.text, d.options).view());
    detail::Segmentation s = detail::segment(prose);
    out.push_back({std::move(prose), std::move(s)});
  }
  return out;
}

// Mirrors Linter::lint(): the match cache is chunked at paragraph starts.
std::vector<std::size_t> chunk_starts(const Prepared& p) {
  std::vector<std::size_t> starts;
  for (const detail::Span& paragraph : p.segments.paragraphs) starts.push_back(paragraph.begin);
  return starts;
}

std::size_t bytes_of(const std::vector<Doc>& docs) {
  std::size_t b = 0;
  for (const Doc& d : docs) b += d.text.size();
  return b;
}

void BM_Prepare(benchmark::State& state, const std::string& set) {
  const auto docs = docs_for(set);
  for (auto _ : state) {
    for (const Doc& d : docs) benchmark::DoNotOptimize(detail::prepare(d.text, d.options).view().size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(docs)));
}

void BM_Segment(benchmark::State& state, const std::string& set) {
  const auto docs = docs_for(set);
  const auto prepared = prepared_for(docs);
  for (auto _ : state) {
    for (const Prepared& p : prepared) benchmark::DoNotOptimize(detail::segment(p.prose).sentences.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(docs)));
}

void BM_Gate(benchmark::State& state, const std::string& set, detail::PatternTable::Gate gate) {
  const auto docs = docs_for(set);
  const auto prepared = prepared_for(docs);
  const Compiled& c = compiled();
  std::size_t hits = 0;
  for (auto _ : state) {
    hits = 0;
    for (const Prepared& p : prepared) hits += c.table.gate(p.prose, gate).size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(docs)));
  state.counters["patterns"] = static_cast<double>(c.table.size());
  state.counters["gate_hits_per_doc"] = static_cast<double>(hits) / static_cast<double>(prepared.size());
}

void BM_Locate(benchmark::State& state, const std::string& set) {
  const auto docs = docs_for(set);
  const auto prepared = prepared_for(docs);
  const Compiled& c = compiled();
  std::size_t spans = 0;
  for (auto _ : state) {
    spans = 0;
    for (const Prepared& p : prepared) {
      detail::MatchCache matches(c.table, p.prose, chunk_starts(p));
      for (int id = 0; id < static_cast<int>(c.table.size()); ++id) spans += matches.spans(id).size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(docs)));
  state.counters["spans"] = static_cast<double>(spans);
}

void BM_GateChunked(benchmark::State& state, const std::string& set) {
  const auto docs = docs_for(set);
  const auto prepared = prepared_for(docs);
  const Compiled& c = compiled();
  for (auto _ : state) {
    for (const Prepared& p : prepared) {
      detail::MatchCache matches(c.table, p.prose, chunk_starts(p));
      benchmark::DoNotOptimize(&matches);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(docs)));
}

void BM_Check(benchmark::State& state, const std::string& set, std::size_t rule_index) {
  const auto docs = docs_for(set);
  const auto prepared = prepared_for(docs);
  const Compiled& c = compiled();
  const auto& check = *c.checks[rule_index].second;
  std::vector<detail::Finding> findings;
  std::size_t count = 0;
  for (auto _ : state) {
    count = 0;
    for (const Prepared& p : prepared) {
      detail::MatchCache matches(c.table, p.prose, chunk_starts(p));
      detail::SharedWork shared;  // one check alone: nothing to share
      const detail::CheckContext context{p.prose, p.segments, matches, shared};
      findings.clear();
      check.check(context, findings);
      count += findings.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(docs)));
  state.counters["findings"] = static_cast<double>(count);
}

// CPU time of this thread (the machine is shared: wall time counts other processes).
double thread_cpu_ns() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e9 + static_cast<double>(t.tv_nsec);
}

// DRAFTLINT_BENCH_PATTERN_PROFILE=N: instead of benchmarks, print the N patterns whose
// locators cost most on the notices (each located alone, on the chunks the gate lets through).
int pattern_profile(std::size_t top) {
  const auto docs = docs_for("notices");
  const auto prepared = prepared_for(docs);
  const Compiled& c = compiled();
  struct Row {
    double ns = 0;
    std::size_t spans = 0, docs_hit = 0;
    int id = 0;
  };
  std::vector<Row> rows(c.table.size());
  for (int round = 0; round < 3; ++round) {  // round 0 warms the lazily compiled RE2s
    for (const Prepared& p : prepared) {
      detail::MatchCache matches(c.table, p.prose, chunk_starts(p));
      for (int id = 0; id < static_cast<int>(c.table.size()); ++id) {
        const double start = thread_cpu_ns();
        const std::size_t n = matches.spans(id).size();
        const double stop = thread_cpu_ns();
        if (round == 0) continue;
        Row& r = rows[static_cast<std::size_t>(id)];
        r.id = id;
        r.ns += (stop - start) / 2;
        r.spans += n;
        r.docs_hit += n > 0;
      }
    }
  }
  double total = 0;
  for (const Row& r : rows) total += r.ns;
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.ns > b.ns; });
  std::printf("locators on %zu notices: %.1f ms in all (per pass)\n%8s %6s %6s  %s\n", prepared.size(), total / 2e6 * 2,
              "ms", "share", "spans", "pattern");
  for (std::size_t i = 0; i < std::min(top, rows.size()); ++i) {
    const Row& r = rows[i];
    std::printf("%8.2f %5.1f%% %6zu  %.150s\n", r.ns / 1e6, 100 * r.ns / total, r.spans / 2,
                c.table.pattern(r.id).source.c_str());
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (const char* top = std::getenv("DRAFTLINT_BENCH_PATTERN_PROFILE")) return pattern_profile(std::strtoul(top, nullptr, 10));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  for (const std::string set : {"notices", "large256", "large1024"}) {
    benchmark::RegisterBenchmark(("BM_Prepare/" + set).c_str(), [set](benchmark::State& s) { BM_Prepare(s, set); })
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_Segment/" + set).c_str(), [set](benchmark::State& s) { BM_Segment(s, set); })
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_Gate/" + set).c_str(),
                                 [set](benchmark::State& s) { BM_Gate(s, set, detail::PatternTable::Gate::set); })
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_LiteralGate/" + set).c_str(),
                                 [set](benchmark::State& s) { BM_Gate(s, set, detail::PatternTable::Gate::literals); })
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_GateChunked/" + set).c_str(), [set](benchmark::State& s) { BM_GateChunked(s, set); })
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_Locate/" + set).c_str(), [set](benchmark::State& s) { BM_Locate(s, set); })
        ->Unit(benchmark::kMillisecond);
    for (std::size_t i = 0; i < compiled().checks.size(); ++i) {
      const std::string name = "BM_Check/" + set + "/" + compiled().checks[i].first->id;
      benchmark::RegisterBenchmark(name.c_str(), [set, i](benchmark::State& s) { BM_Check(s, set, i); })
          ->Unit(benchmark::kMillisecond);
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
