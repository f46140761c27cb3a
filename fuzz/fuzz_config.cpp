// Fuzz target: the configuration loader (Config::load reads a file, so the input is written to
// a scratch file first), then the settings for one path.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <draftlint/config.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  struct ScratchDir {
    std::filesystem::path path;
    ScratchDir() : path(std::filesystem::temp_directory_path() / ("draftlint-fuzz-config-" + std::to_string(getpid()))) {
      std::filesystem::create_directories(path);
    }
    ~ScratchDir() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  };
  static const ScratchDir scratch;
  const std::filesystem::path& dir = scratch.path;
  const std::filesystem::path file = dir / ".draftlint.yml";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  draftlint::ConfigResult result = draftlint::Config::load(file);
  if (result.problems.empty()) {
    (void)result.config.settings_for(dir / "notices" / "a.md");
    (void)result.config.excluded(dir / "drafts" / "b.html");
  }
  return 0;
}
