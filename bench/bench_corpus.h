// The benchmark corpus made by bench/gen_corpus.py, loaded once per process.
// DRAFTLINT_BENCH_CORPUS (environment) overrides the directory built into the binary.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <draftlint/linter.h>

namespace bench {

struct Notice {
  std::string text;
  draftlint::InputFormat format;
};

struct Corpus {
  std::vector<Notice> notices;    // every notice, in path order
  std::size_t notice_bytes = 0;
  std::string large;              // large.txt (plain text)
  std::string small;              // notice-2k.txt
};

inline std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline const Corpus& corpus() {
  static const Corpus c = [] {
    const char* env = std::getenv("DRAFTLINT_BENCH_CORPUS");
    const std::filesystem::path dir = env && *env ? env : DRAFTLINT_BENCH_CORPUS;
    if (!std::filesystem::exists(dir / "MANIFEST")) {
      std::fprintf(stderr, "no corpus in %s: run bench/gen_corpus.py --out DIR and set DRAFTLINT_BENCH_CORPUS\n",
                   dir.c_str());
      std::exit(2);
    }
    Corpus out;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "notices")) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Notice n{read_all(f), f.extension() == ".md" ? draftlint::InputFormat::markdown : draftlint::InputFormat::text};
      out.notice_bytes += n.text.size();
      out.notices.push_back(std::move(n));
    }
    if (std::filesystem::exists(dir / "large.txt")) out.large = read_all(dir / "large.txt");
    out.small = read_all(dir / "notice-2k.txt");
    return out;
  }();
  return c;
}

// The plain-text notices only, joined into one string per notice (for plain-text throughput).
inline std::vector<const Notice*> plain_notices() {
  std::vector<const Notice*> out;
  for (const Notice& n : corpus().notices) {
    if (n.format == draftlint::InputFormat::text) out.push_back(&n);
  }
  return out;
}

// The first `bytes` of large.txt, cut at a line end.
inline std::string large_prefix(std::size_t bytes) {
  const std::string& l = corpus().large;
  if (bytes >= l.size()) return l;
  std::size_t cut = l.rfind('\n', bytes);
  if (cut == std::string::npos) cut = bytes;
  return l.substr(0, cut + 1);
}

}  // namespace bench
