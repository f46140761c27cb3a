// The language server through its library API (lsp::Server), without a process: regressions
// found while writing the soak test (tests/scripts/lsp_soak_test.py).
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <draftlint/lsp.h>

namespace {

using json = nlohmann::json;

draftlint::lsp::ServerOptions without_config() {
  draftlint::lsp::ServerOptions options;
  options.workspace.no_config = true;
  return options;
}

struct Session {
  std::vector<json> sent;
  std::ostringstream log;
  draftlint::lsp::Server server{without_config(),
                                [this](const std::string& text) { sent.push_back(json::parse(text)); }, log};
  const std::string uri = "untitled:notice";

  Session() {
    send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", json::object()}}}});
    send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  }
  void send(const json& message) { server.handle_message(message.dump()); }
  void change(int version, json changes) {
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params", {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", std::move(changes)}}}});
  }
  // Rule ids of the last diagnostics published, and how many publishes there were.
  std::vector<std::string> last_codes(int* publishes = nullptr) const {
    std::vector<std::string> codes;
    int count = 0;
    for (const json& m : sent) {
      if (m.value("method", "") != "textDocument/publishDiagnostics") continue;
      ++count;
      codes.clear();
      for (const json& d : m["params"]["diagnostics"]) codes.push_back(d.value("code", ""));
    }
    if (publishes) *publishes = count;
    return codes;
  }
};

json insert_at_start(const std::string& text) {
  return {{"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
          {"text", text}};
}

bool has(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

// A didChange whose second change is malformed used to apply the first one and then fail,
// leaving the server's copy different from every state the client knows.
TEST(LspServer, MalformedDidChangeAppliesNoChangeAtAll) {
  Session s;
  s.send({{"jsonrpc", "2.0"},
          {"method", "textDocument/didOpen"},
          {"params", {{"textDocument", {{"uri", s.uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", "Hello.\n"}}}}}});
  int before = 0;
  EXPECT_FALSE(has(s.last_codes(&before), "platitude"));

  json bad = json::array({insert_at_start("Rest assured, "), {{"range", insert_at_start("")["range"]}}});  // no "text"
  s.change(2, bad);
  int after_bad = 0;
  s.last_codes(&after_bad);
  EXPECT_EQ(after_bad, before);  // nothing published for the rejected notification
  EXPECT_NE(s.log.str().find("bad textDocument/didChange"), std::string::npos) << s.log.str();

  s.change(3, json::array({insert_at_start("Hi. ")}));
  EXPECT_FALSE(has(s.last_codes(), "platitude")) << "the first change of the rejected notification was applied";
  s.change(4, json::array({insert_at_start("Rest assured, ")}));
  EXPECT_TRUE(has(s.last_codes(), "platitude"));  // the check above can see a platitude
}
