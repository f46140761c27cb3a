// The language server: JSON-RPC dispatch and the LSP methods (see lsp.h).
#include <algorithm>
#include <istream>
#include <map>
#include <ostream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "draftlint/config.h"
#include "draftlint/document.h"
#include "draftlint/lsp.h"
#include "draftlint/version.h"
#include "lsp/config_edit.h"

namespace draftlint::lsp {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

struct RpcError {
  int code;
  std::string message;
};

struct Finding {
  Diagnostic diagnostic;
  TextRange range;
  json lsp;  // the Diagnostic as published
};

struct OpenDocument {
  std::string uri;
  std::optional<fs::path> path;  // for file:// URIs
  std::string language_id;
  int version = 0;
  TextDocument text;
  std::shared_ptr<const Linter> linter;  // what produced `findings`
  InputFormat format = InputFormat::text;
  std::optional<fs::path> config;         // the configuration that applied
  std::vector<Finding> findings;
};

json to_json(TextPosition p) { return {{"line", p.line}, {"character", p.character}}; }
json to_json(const TextRange& r) { return {{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }

TextPosition position_from(const json& j) { return {j.at("line").get<int>(), j.at("character").get<int>()}; }
TextRange range_from(const json& j) { return {position_from(j.at("start")), position_from(j.at("end"))}; }

bool before_or_equal(TextPosition a, TextPosition b) {
  return a.line < b.line || (a.line == b.line && a.character <= b.character);
}

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::error: return 1;
    case Severity::warning: return 2;
    case Severity::suggestion: return 3;
  }
  return 2;
}

bool is_config_name(const fs::path& p) {
  const std::string name = p.filename().string();
  return name == ".draftlint.yml" || name == ".draftlint.yaml";
}

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string quote_markdown(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

}  // namespace

struct Server::Impl {
  enum class State { created, running, shut_down };

  ServerOptions options;
  Sink send;
  std::ostream& log;
  Workspace workspace;
  State state = State::created;
  bool exited = false;
  std::optional<fs::path> root;
  bool can_create_files = false;
  bool dynamic_watch = false;
  int next_id = 1;
  std::map<std::string, OpenDocument> documents;           // by URI
  std::map<std::string, std::vector<json>> problem_diags;  // config / rule file URI → problems

  Impl(ServerOptions o, Sink s, std::ostream& l)
      : options(std::move(o)), send(std::move(s)), log(l), workspace(options.workspace) {}

  // -------------------------------------------------------------------------------------------
  // Output.

  void write(const json& message) { send(message.dump(-1, ' ', false, json::error_handler_t::replace)); }

  void respond(const json& id, json result) { write({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}); }

  void respond_error(const json& id, int code, std::string_view message) {
    write({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }

  void notify(std::string_view method, json params) {
    write({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  void show_message(int type, const std::string& message) {
    notify("window/showMessage", {{"type", type}, {"message", message}});
  }

  // -------------------------------------------------------------------------------------------
  // Dispatch.

  void handle(std::string_view text) {
    json message;
    try {
      message = json::parse(text);
    } catch (const json::parse_error& e) {
      log << "draftlint lsp: parse error: " << e.what() << "\n";
      respond_error(nullptr, kParseError, fmt::format("Parse error: {}", e.what()));
      return;
    }
    if (!message.is_object()) {
      respond_error(nullptr, kInvalidRequest, "Invalid Request: a message must be a JSON object");
      return;
    }
    json id = nullptr;
    const bool has_id = message.contains("id");
    if (has_id) {
      id = message["id"];
      if (!id.is_number_integer() && !id.is_string() && !id.is_null()) {
        respond_error(nullptr, kInvalidRequest, "Invalid Request: id must be an integer or a string");
        return;
      }
    }
    if (message.value("jsonrpc", json()) != "2.0") {
      respond_error(id, kInvalidRequest, "Invalid Request: jsonrpc must be \"2.0\"");
      return;
    }
    if (!message.contains("method")) {
      if (has_id && (message.contains("result") || message.contains("error"))) {
        if (message.contains("error")) log << "draftlint lsp: the client answered " << id.dump() << " with an error: " << message["error"].dump() << "\n";
        return;  // a response to one of our requests
      }
      respond_error(id, kInvalidRequest, "Invalid Request: no method");
      return;
    }
    if (!message["method"].is_string()) {
      respond_error(id, kInvalidRequest, "Invalid Request: method must be a string");
      return;
    }
    const std::string method = message["method"].get<std::string>();
    const json params = message.contains("params") ? message["params"] : json::object();
    if (has_id) {
      request(id, method, params);
    } else {
      notification(method, params);
    }
  }

  void request(const json& id, const std::string& method, const json& params) {
    if (state == State::created && method != "initialize") {
      respond_error(id, kServerNotInitialized, fmt::format("Server not initialized: send initialize before {}", method));
      return;
    }
    if (state == State::shut_down) {
      respond_error(id, kInvalidRequest, fmt::format("Invalid Request: {} after shutdown", method));
      return;
    }
    try {
      if (method == "initialize") {
        if (state != State::created) throw RpcError{kInvalidRequest, "Invalid Request: initialize was already called"};
        respond(id, initialize(params));
        state = State::running;
      } else if (method == "shutdown") {
        state = State::shut_down;
        respond(id, nullptr);
      } else if (method == "textDocument/codeAction") {
        respond(id, code_actions(params));
      } else if (method == "textDocument/hover") {
        respond(id, hover(params));
      } else {
        respond_error(id, kMethodNotFound, fmt::format("Method not found: {}", method));
      }
    } catch (const RpcError& e) {
      respond_error(id, e.code, e.message);
    } catch (const json::exception& e) {
      respond_error(id, kInvalidParams, fmt::format("Invalid params for {}: {}", method, e.what()));
    } catch (const std::exception& e) {
      log << "draftlint lsp: internal error in " << method << ": " << e.what() << "\n";
      respond_error(id, kInternalError, fmt::format("Internal error: {}", e.what()));
    }
  }

  void notification(const std::string& method, const json& params) {
    if (method == "exit") {
      exited = true;
      return;
    }
    if (state != State::running) {
      if (method.rfind("$/", 0) != 0) log << "draftlint lsp: ignored " << method << (state == State::created ? " before initialize\n" : " after shutdown\n");
      return;
    }
    try {
      if (method == "initialized") {
        initialized();
      } else if (method == "textDocument/didOpen") {
        did_open(params.at("textDocument"));
      } else if (method == "textDocument/didChange") {
        did_change(params);
      } else if (method == "textDocument/didClose") {
        did_close(params.at("textDocument").at("uri").get<std::string>());
      } else if (method == "textDocument/didSave") {
        did_save(params);
      } else if (method == "workspace/didChangeWatchedFiles" || method == "workspace/didChangeConfiguration") {
        reload();
      }
      // Anything else ($/cancelRequest, $/setTrace, ...): nothing to do.
    } catch (const std::exception& e) {
      log << "draftlint lsp: bad " << method << " notification: " << e.what() << "\n";
    }
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle.

  json initialize(const json& params) {
    if (!params.is_object()) throw RpcError{kInvalidParams, "Invalid params: initialize needs an object"};
    if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array() && !params["workspaceFolders"].empty()) {
      root = path_from_uri(params["workspaceFolders"][0].value("uri", ""));
    }
    if (!root && params.contains("rootUri") && params["rootUri"].is_string()) root = path_from_uri(params["rootUri"].get<std::string>());
    if (!root && params.contains("rootPath") && params["rootPath"].is_string()) root = fs::path(params["rootPath"].get<std::string>());
    const json caps = params.value("capabilities", json::object());
    const json ws = caps.is_object() ? caps.value("workspace", json::object()) : json::object();
    if (ws.is_object()) {
      const json edit = ws.value("workspaceEdit", json::object());
      if (edit.is_object() && edit.value("documentChanges", false)) {
        const json ops = edit.value("resourceOperations", json::array());
        can_create_files = ops.is_array() && std::find(ops.begin(), ops.end(), json("create")) != ops.end();
      }
      const json watch = ws.value("didChangeWatchedFiles", json::object());
      dynamic_watch = watch.is_object() && watch.value("dynamicRegistration", false);
    }
    if (params.contains("clientInfo") && params["clientInfo"].is_object()) {
      log << "draftlint lsp: client " << params["clientInfo"].value("name", "?") << " " << params["clientInfo"].value("version", "?") << "\n";
    }
    return {
        {"capabilities",
         {{"positionEncoding", "utf-16"},
          {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
          {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
          {"hoverProvider", true}}},
        {"serverInfo", {{"name", "draftlint"}, {"version", std::string(version())}}},
    };
  }

  void initialized() {
    if (!dynamic_watch) return;
    json watchers = json::array();
    watchers.push_back({{"globPattern", "**/.draftlint.yml"}});
    watchers.push_back({{"globPattern", "**/.draftlint.yaml"}});
    write({{"jsonrpc", "2.0"},
           {"id", fmt::format("draftlint-{}", next_id++)},
           {"method", "client/registerCapability"},
           {"params",
            {{"registrations",
              {{{"id", "draftlint-config-files"},
                {"method", "workspace/didChangeWatchedFiles"},
                {"registerOptions", {{"watchers", watchers}}}}}}}}});
  }

  // -------------------------------------------------------------------------------------------
  // Text synchronisation.

  void did_open(const json& item) {
    OpenDocument doc;
    doc.uri = item.at("uri").get<std::string>();
    doc.path = path_from_uri(doc.uri);
    if (doc.path) doc.path = doc.path->lexically_normal();
    doc.language_id = item.value("languageId", "");
    doc.version = item.value("version", 0);
    doc.text = TextDocument(item.at("text").get<std::string>());
    OpenDocument& stored = documents[doc.uri] = std::move(doc);
    if (stored.path && is_config_name(*stored.path)) {
      check_config(*stored.path);
      return;
    }
    lint(stored);
  }

  void did_change(const json& params) {
    const json& id = params.at("textDocument");
    const std::string uri = id.at("uri").get<std::string>();
    auto it = documents.find(uri);
    if (it == documents.end()) {
      log << "draftlint lsp: didChange for " << uri << ", which is not open\n";
      return;
    }
    OpenDocument& doc = it->second;
    // Read every change before applying any: a malformed one (which throws) must leave the
    // document as the client last saw it, not half-edited.
    std::vector<std::pair<std::optional<TextRange>, std::string>> changes;
    for (const json& change : params.at("contentChanges")) {
      std::optional<TextRange> range;
      if (change.contains("range")) range = range_from(change["range"]);
      changes.emplace_back(range, change.at("text").get<std::string>());
    }
    for (const auto& [range, text] : changes) doc.text.apply_change(range, text);
    if (id.contains("version") && id["version"].is_number_integer()) doc.version = id["version"].get<int>();
    if (doc.path && is_config_name(*doc.path)) return;  // checked on save
    lint(doc);
  }

  void did_close(const std::string& uri) {
    auto it = documents.find(uri);
    if (it == documents.end()) return;
    const bool config = it->second.path && is_config_name(*it->second.path);
    documents.erase(it);
    if (!config) notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
  }

  void did_save(const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    auto it = documents.find(uri);
    if (it != documents.end() && params.contains("text") && params["text"].is_string()) {
      it->second.text = TextDocument(params["text"].get<std::string>());
    }
    const std::optional<fs::path> path = path_from_uri(uri);
    const std::string ext = path ? lower_extension(*path) : "";
    if (path && (is_config_name(*path) || ext == ".yml" || ext == ".yaml")) {
      reload();  // a configuration or a rule file: everything may lint differently now
    } else if (it != documents.end()) {
      lint(it->second);
    }
  }

  // A configuration or rule file changed: forget every cached configuration and linter, then
  // check open configurations and lint every open document again.
  void reload() {
    workspace.reset();
    for (auto& [uri, diagnostics] : problem_diags) {
      notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
    }
    problem_diags.clear();
    for (auto& [uri, doc] : documents) {
      if (doc.path && is_config_name(*doc.path)) check_config(*doc.path);
    }
    for (auto& [uri, doc] : documents) {
      if (!(doc.path && is_config_name(*doc.path))) lint(doc);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Linting and diagnostics.

  std::string uri_for(const fs::path& path) const {
    const fs::path normal = fs::absolute(path).lexically_normal();
    for (const auto& [uri, doc] : documents) {
      if (doc.path && *doc.path == normal) return uri;
    }
    return uri_from_path(normal);
  }

  const OpenDocument* open_document(const fs::path& path) const {
    const fs::path normal = fs::absolute(path).lexically_normal();
    for (const auto& [uri, doc] : documents) {
      if (doc.path && *doc.path == normal) return &doc;
    }
    return nullptr;
  }

  // The file a document is planned as: its path, or an untitled file in the workspace.
  fs::path plan_path(const OpenDocument& doc) const {
    if (doc.path) return *doc.path;
    const std::string ext = doc.language_id == "markdown" ? ".md" : doc.language_id == "html" ? ".html" : ".txt";
    std::error_code ec;
    return (root ? *root : fs::current_path(ec)) / ("untitled" + ext);
  }

  static bool lintable(const OpenDocument& doc) {
    const std::string ext = doc.path ? lower_extension(*doc.path) : "";
    if (ext == ".yml" || ext == ".yaml" || ext == ".json") return false;
    return doc.language_id != "yaml" && doc.language_id != "json";
  }

  void lint(OpenDocument& doc) {
    doc.findings.clear();
    doc.linter = nullptr;
    doc.config.reset();
    if (lintable(doc)) {
      const fs::path file = plan_path(doc);
      FilePlan plan = workspace.plan(file);
      report_problems(plan.problems);
      doc.config = plan.config;
      if (plan.linter && !plan.excluded) {
        DocumentOptions document = plan.document;
        // An extension that says nothing about the format: trust the editor's language.
        if (!format_for_path(file) && !plan.settings.formats.contains(file.extension().string())) {
          if (doc.language_id == "markdown") document.format = InputFormat::markdown;
          else if (doc.language_id == "html") document.format = InputFormat::html;
        }
        doc.format = document.format;
        doc.linter = plan.linter;
        std::map<std::string, std::string, std::less<>> links;
        for (Diagnostic& d : plan.linter->lint(doc.text.text(), document)) {
          Finding f;
          f.range = doc.text.range_of(d.offset, d.length);
          auto link = links.find(d.rule);
          if (link == links.end()) {
            const auto info = plan.linter->rules().info(d.rule);
            std::string href = info && !info->link.empty() ? info->link : fmt::format("{}#{}", options.docs_url, d.rule);
            link = links.emplace(d.rule, std::move(href)).first;
          }
          f.lsp = {{"range", to_json(f.range)},
                   {"severity", lsp_severity(d.severity)},
                   {"source", "draftlint"},
                   {"code", d.rule},
                   {"codeDescription", {{"href", link->second}}},
                   {"message", d.message}};
          f.diagnostic = std::move(d);
          doc.findings.push_back(std::move(f));
        }
      }
    }
    json diagnostics = json::array();
    for (const Finding& f : doc.findings) diagnostics.push_back(f.lsp);
    notify("textDocument/publishDiagnostics", {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", std::move(diagnostics)}});
  }

  // Problems with configurations and rule files become diagnostics on those files (the first
  // time the workspace reports them); problems tied to no file become messages.
  void report_problems(const std::vector<Problem>& problems) {
    std::set<std::string> touched;
    for (const Problem& p : problems) {
      log << "draftlint lsp: " << p.to_string() << "\n";
      if (p.file.empty()) {
        show_message(1, "draftlint: " + p.message);
        continue;
      }
      const std::string uri = uri_for(p.file);
      std::vector<json>& list = problem_diags[uri];
      json diagnostic = {{"range", to_json(problem_range(p))},
                         {"severity", 1},
                         {"source", "draftlint"},
                         {"message", p.message}};
      if (std::find(list.begin(), list.end(), diagnostic) == list.end()) list.push_back(std::move(diagnostic));
      touched.insert(uri);
    }
    for (const std::string& uri : touched) {
      notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", problem_diags[uri]}});
    }
  }

  // The rest of the line from a problem's 1-based line and column.
  TextRange problem_range(const Problem& p) const {
    const int line = std::max(p.line - 1, 0);
    const int column = std::max(p.column - 1, 0);
    std::string text;
    if (const OpenDocument* doc = open_document(p.file)) {
      text = doc->text.text();
    } else {
      ReadResult read = read_file(p.file);
      if (read.ok()) text = std::move(read.text);
    }
    const TextDocument document(std::move(text));
    const std::string_view line_text = document.line_text(line);
    const int end = static_cast<int>(document.position_at(document.offset_at({line, 0}) + line_text.size()).character);
    return {{line, column}, {line, std::max(end, column + 1)}};
  }

  void check_config(const fs::path& path) {
    // Checked as the workspace loads it: a discovered file's paths must stay in its repository.
    const bool named = options.workspace.config.has_value();
    const ConfigResult loaded = Config::load(path, named ? std::nullopt : std::optional(Config::repository_root(path)));
    const std::string uri = uri_for(path);
    problem_diags.erase(uri);
    report_problems(loaded.problems);
    if (loaded.problems.empty()) notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
  }

  // -------------------------------------------------------------------------------------------
  // Hover.

  OpenDocument* find_document(const json& params) {
    auto it = documents.find(params.at("textDocument").at("uri").get<std::string>());
    return it == documents.end() ? nullptr : &it->second;
  }

  json hover(const json& params) {
    OpenDocument* doc = find_document(params);
    if (!doc || !doc->linter) return nullptr;
    const std::size_t offset = doc->text.offset_at(position_from(params.at("position")));
    std::string markdown;
    std::optional<TextRange> range;
    std::set<std::string> explained;
    for (const Finding& f : doc->findings) {
      const Diagnostic& d = f.diagnostic;
      const bool inside = d.length == 0 ? offset == d.offset : offset >= d.offset && offset < d.offset + d.length;
      if (!inside || !explained.insert(d.rule + '\n' + d.message).second) continue;
      if (!range) range = f.range;
      if (!markdown.empty()) markdown += "\n\n---\n\n";
      markdown += explain(*doc, d, f.lsp["codeDescription"]["href"].get<std::string>());
    }
    if (!range) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", markdown}}}, {"range", to_json(*range)}};
  }

  std::string explain(const OpenDocument& doc, const Diagnostic& d, const std::string& link) const {
    std::string out = fmt::format("**draftlint** `{}` ({})\n\n{}", d.rule, to_string(d.severity), quote_markdown(d.message));
    const auto info = doc.linter->rules().info(d.rule);
    if (info) {
      if (!info->description.empty()) out += "\n\n" + info->description;
      while (!out.empty() && out.back() == '\n') out.pop_back();
      if (!info->bad_examples.empty()) {
        out += "\n\n**Instead of**\n";
        for (const std::string& e : info->bad_examples) out += "\n- " + quote_markdown(e);
      }
      if (!info->good_examples.empty()) {
        out += "\n\n**Write**\n";
        for (const std::string& e : info->good_examples) out += "\n- " + quote_markdown(e);
      }
    }
    out += fmt::format("\n\n[Documentation]({})", link);
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Code actions.

  json code_actions(const json& params) {
    json actions = json::array();
    OpenDocument* doc = find_document(params);
    if (!doc) return actions;
    const json context = params.value("context", json::object());
    if (context.contains("only") && context["only"].is_array()) {
      const bool wanted = std::any_of(context["only"].begin(), context["only"].end(), [](const json& kind) {
        return kind.is_string() && (kind == "" || kind == "quickfix");
      });
      if (!wanted) return actions;
    }
    const TextRange range = range_from(params.at("range"));

    // The findings asked about: those the client names, else those touching the range.
    std::vector<const Finding*> chosen;
    std::vector<json> named;
    for (const json& d : context.value("diagnostics", json::array())) {
      if (d.is_object() && d.value("source", "") == "draftlint") named.push_back(d);
    }
    for (const Finding& f : doc->findings) {
      bool take;
      if (!named.empty()) {
        take = std::any_of(named.begin(), named.end(), [&](const json& d) {
          return d.value("code", json()) == f.diagnostic.rule && d.contains("range") && range_from(d["range"]) == f.range;
        });
      } else {
        take = before_or_equal(f.range.start, range.end) && before_or_equal(range.start, f.range.end);
      }
      if (take) chosen.push_back(&f);
    }

    for (const Finding* f : chosen) {
      if (!f->diagnostic.fix) continue;
      const Fix& fix = *f->diagnostic.fix;
      const std::string_view old = std::string_view(doc->text.text()).substr(std::min(fix.offset, doc->text.text().size()), fix.length);
      json edit = {{"range", to_json(doc->text.range_of(fix.offset, fix.length))}, {"newText", fix.replacement}};
      actions.push_back({{"title", fix.replacement.empty() ? fmt::format("Remove '{}'", old) : fmt::format("Replace '{}' with '{}'", old, fix.replacement)},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({f->lsp})},
                         {"isPreferred", true},
                         {"edit", {{"changes", {{doc->uri, json::array({edit})}}}}}});
    }

    std::set<std::pair<std::string, int>> lines_done;
    for (const Finding* f : chosen) {
      const std::string& rule = f->diagnostic.rule;
      if (rule == kUnusedDisableRule) continue;
      const int line = f->range.start.line;
      if (!lines_done.insert({rule, line}).second) continue;
      const std::string_view text = doc->text.line_text(line);
      const std::string indent(text.substr(0, text.find_first_not_of(" \t") == std::string_view::npos ? text.size() : text.find_first_not_of(" \t")));
      const std::string name = doc->path ? doc->path->filename().string() : "";
      json edit;
      const std::string_view previous = doc->text.line_text(line - 1);
      if (const auto point = line > 0 ? suppression_extend_point(previous, name, doc->format) : std::nullopt) {
        // The line above already silences other rules on this line: add this one to its list.
        const std::size_t offset = doc->text.offset_at({line - 1, 0}) + *point;
        edit = {{"range", to_json(doc->text.range_of(offset, 0))}, {"newText", fmt::format(", {}", rule)}};
      } else {
        edit = {{"range", to_json(TextRange{{line, 0}, {line, 0}})},
                {"newText", indent + suppression_comment(name, doc->format, rule) + std::string(doc->text.line_ending())}};
      }
      json diagnostics = json::array();
      for (const Finding* g : chosen) {
        if (g->diagnostic.rule == rule && g->range.start.line == line) diagnostics.push_back(g->lsp);
      }
      actions.push_back({{"title", fmt::format("Disable {} for this line", rule)},
                         {"kind", "quickfix"},
                         {"diagnostics", diagnostics},
                         {"edit", {{"changes", {{doc->uri, json::array({edit})}}}}}});
    }

    std::set<std::string> rules_done;
    for (const Finding* f : chosen) {
      const std::string& rule = f->diagnostic.rule;
      if (rule == kUnusedDisableRule || !rules_done.insert(rule).second) continue;
      if (auto action = config_action(*doc, rule)) {
        json diagnostics = json::array();
        for (const Finding* g : chosen) {
          if (g->diagnostic.rule == rule) diagnostics.push_back(g->lsp);
        }
        (*action)["diagnostics"] = diagnostics;
        actions.push_back(std::move(*action));
      }
    }
    return actions;
  }

  // "Disable RULE in .draftlint.yml": add the id to `ignore` in the configuration the document
  // uses, or create one where discovery will find it.
  std::optional<json> config_action(const OpenDocument& doc, const std::string& rule) {
    if (options.workspace.no_config) return std::nullopt;
    if (doc.config) {
      std::string text;
      if (const OpenDocument* open = open_document(*doc.config)) {
        text = open->text.text();
      } else {
        ReadResult read = read_file(*doc.config);
        if (!read.ok()) return std::nullopt;
        text = std::move(read.text);
      }
      const std::optional<IgnoreEdit> edit = add_to_ignore(text, rule);
      if (!edit) return std::nullopt;
      const TextDocument config(std::move(text));
      const std::size_t at = std::min(edit->offset, config.text().size());
      json text_edit = {{"range", to_json(TextRange{config.position_at(at), config.position_at(at + edit->length)})},
                        {"newText", edit->text}};
      return json{{"title", fmt::format("Disable {} in {}", rule, doc.config->filename().string())},
                  {"kind", "quickfix"},
                  {"edit", {{"changes", {{uri_for(*doc.config), json::array({text_edit})}}}}}};
    }
    if (!can_create_files) return std::nullopt;
    const fs::path target = config_location(plan_path(doc));
    const std::string uri = uri_from_path(target);
    json changes = json::array();
    changes.push_back({{"kind", "create"}, {"uri", uri}, {"options", {{"ignoreIfExists", true}}}});
    changes.push_back({{"textDocument", {{"uri", uri}, {"version", nullptr}}},
                       {"edits", json::array({{{"range", to_json(TextRange{})}, {"newText", new_config_text(rule)}}})}});
    return json{{"title", fmt::format("Disable {} in a new {}", rule, target.string())},
                {"kind", "quickfix"},
                {"edit", {{"documentChanges", changes}}}};
  }

  // Where a new configuration goes so that Config::discover finds it for `file`: the
  // repository root (the nearest directory with .git), else the workspace root when the file
  // is inside it, else the file's directory.
  fs::path config_location(const fs::path& file) const {
    std::error_code ec;
    const fs::path directory = fs::absolute(file, ec).lexically_normal().parent_path();
    for (fs::path d = directory;; d = d.parent_path()) {
      if (fs::exists(d / ".git", ec)) return d / ".draftlint.yml";
      if (d == d.parent_path()) break;
    }
    if (root) {
      const fs::path r = fs::absolute(*root, ec).lexically_normal();
      const fs::path relative = directory.lexically_relative(r);
      if (!relative.empty() && *relative.begin() != "..") return r / ".draftlint.yml";
    }
    return directory / ".draftlint.yml";
  }
};

Server::Server(ServerOptions options, Sink send, std::ostream& log)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(send), log)) {}
Server::~Server() = default;

void Server::handle_message(std::string_view json_text) { impl_->handle(json_text); }

void Server::handle_framing_error(std::string_view what) {
  impl_->log << "draftlint lsp: " << what << "\n";
  impl_->respond_error(nullptr, kParseError, fmt::format("Parse error: {}", what));
}

bool Server::exited() const { return impl_->exited; }
int Server::exit_code() const { return impl_->state == Impl::State::shut_down ? 0 : 1; }
bool Server::shut_down() const { return impl_->state == Impl::State::shut_down; }

int serve(std::istream& in, std::ostream& out, std::ostream& log, ServerOptions options) {
  MessageReader reader(in, options.max_message_size);
  Server server(std::move(options), [&out](const std::string& body) { out << frame_message(body) << std::flush; }, log);
  log << "draftlint lsp: " << version() << " ready on standard input/output\n";
  while (true) {
    MessageResult result = reader.next();
    switch (result.status) {
      case MessageResult::Status::message:
        if (!result.error.empty()) log << "draftlint lsp: " << result.error << "\n";
        server.handle_message(result.body);
        break;
      case MessageResult::Status::error:
        server.handle_framing_error(result.error);
        break;
      case MessageResult::Status::end:
        if (!result.error.empty()) log << "draftlint lsp: " << result.error << "\n";
        log << "draftlint lsp: the input ended without exit\n";
        return server.exit_code();
    }
    if (server.exited()) {
      log << "draftlint lsp: exit\n";
      return server.exit_code();
    }
  }
}

}  // namespace draftlint::lsp
