// The LSP base protocol reader: headers, bodies, and recovery from framing errors.
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <draftlint/lsp.h>

namespace {

using draftlint::lsp::frame_message;
using draftlint::lsp::MessageReader;
using Status = draftlint::lsp::MessageResult::Status;

// Everything the reader yields for `input`, as "message:BODY", "error:WHAT" and finally "end".
// `chunk` limits how many bytes the source hands over at a time (1 = byte by byte).
std::vector<std::string> read_all(const std::string& input, std::size_t chunk = 4096, std::size_t max = 1 << 20) {
  std::size_t at = 0;
  MessageReader reader(
      [&](char* buffer, std::size_t size) {
        const std::size_t n = std::min({size, chunk, input.size() - at});
        std::copy_n(input.data() + at, n, buffer);
        at += n;
        return n;
      },
      max);
  std::vector<std::string> out;
  for (int guard = 0; guard < 100; ++guard) {
    const auto result = reader.next();
    if (result.status == Status::message) out.push_back("message:" + result.body);
    if (result.status == Status::error) out.push_back("error:" + result.error);
    if (result.status == Status::end) {
      out.push_back("end");
      return out;
    }
  }
  ADD_FAILURE() << "the reader did not reach the end";
  return out;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST(LspFraming, FramesAndReadsMessages) {
  EXPECT_EQ(frame_message("{}"), "Content-Length: 2\r\n\r\n{}");
  const std::string input = frame_message(R"({"a":1})") + frame_message(R"({"b":"é"})");
  for (std::size_t chunk : {1, 3, 4096}) {
    EXPECT_EQ(read_all(input, chunk), (std::vector<std::string>{R"(message:{"a":1})", R"(message:{"b":"é"})", "end"}))
        << "chunk " << chunk;
  }
}

TEST(LspFraming, AcceptsContentTypeLowerCaseNamesBareNewlinesAndBlankLinesBetween) {
  const std::string input =
      "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  2 \r\n\r\n{}"
      "\r\n\r\n"
      "CONTENT-LENGTH: 4\n\n[1,]";
  EXPECT_EQ(read_all(input), (std::vector<std::string>{"message:{}", "message:[1,]", "end"}));
}

TEST(LspFraming, ReadsFromAStream) {
  std::istringstream in(frame_message("{\"x\":true}") + frame_message("null"));
  MessageReader reader(in);
  EXPECT_EQ(reader.next().body, "{\"x\":true}");
  EXPECT_EQ(reader.next().body, "null");
  EXPECT_EQ(reader.next().status, Status::end);
}

TEST(LspFraming, MissingContentLengthIsReportedAndTheBodySkipped) {
  const std::string input = "Content-Type: x\r\n\r\n{\"id\":1}" + frame_message("{\"id\":2}");
  for (std::size_t chunk : {1, 4096}) {
    const auto out = read_all(input, chunk);
    ASSERT_EQ(out.size(), 3u) << "chunk " << chunk;
    EXPECT_EQ(out[0], "error:missing Content-Length header");
    EXPECT_EQ(out[1], "message:{\"id\":2}");
  }
}

TEST(LspFraming, BadContentLengthValuesAreReported) {
  for (const std::string value : {"abc", "-5", "1.5", "", "0x10"}) {
    const auto out = read_all("Content-Length: " + value + "\r\n\r\n{}" + frame_message("{}"));
    ASSERT_EQ(out.size(), 3u) << value;
    EXPECT_TRUE(starts_with(out[0], "error:")) << value << ": " << out[0];
    EXPECT_EQ(out[1], "message:{}") << value;
  }
  const auto out = read_all("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}" + frame_message("{}"));
  EXPECT_EQ(out.front(), "error:conflicting Content-Length headers");
  EXPECT_EQ(out[1], "message:{}");
}

TEST(LspFraming, TooShortContentLengthCutsTheBodyThenResynchronises) {
  const std::string body = R"({"jsonrpc":"2.0","id":1,"method":"x"})";
  const std::string input = "Content-Length: " + std::to_string(body.size() - 5) + "\r\n\r\n" + body + frame_message("{\"id\":2}");
  for (std::size_t chunk : {1, 7, 4096}) {
    EXPECT_EQ(read_all(input, chunk), (std::vector<std::string>{"message:" + body.substr(0, body.size() - 5),
                                                                "message:{\"id\":2}", "end"}))
        << "chunk " << chunk;
  }
}

TEST(LspFraming, TooLongContentLengthEndsTheBodyWhereTheNextMessageBegins) {
  const std::string input = "Content-Length: 50\r\n\r\n{\"id\":1}" + frame_message("{\"id\":2}") + frame_message("{\"id\":3}");
  for (std::size_t chunk : {1, 5, 4096}) {
    EXPECT_EQ(read_all(input, chunk),
              (std::vector<std::string>{"message:{\"id\":1}", "message:{\"id\":2}", "message:{\"id\":3}", "end"}))
        << "chunk " << chunk;
  }
  // Too long by a few bytes: the body ends inside the next header; the rest is still found.
  const std::string input2 = "Content-Length: 12\r\n\r\n{\"id\":1}" + frame_message("{\"id\":2}");
  EXPECT_EQ(read_all(input2), (std::vector<std::string>{"message:{\"id\":1}", "message:{\"id\":2}", "end"}));
}

TEST(LspFraming, BracesInsideStringsDoNotEndTheBody) {
  const std::string body = R"({"text":"} { \" ] [ }","n":1})";
  EXPECT_EQ(read_all(frame_message(body), 1), (std::vector<std::string>{"message:" + body, "end"}));
}

TEST(LspFraming, OversizedMessagesAreRefusedAndSkipped) {
  const std::string big(200, 'x');
  const std::string input = "Content-Length: 200\r\n\r\n" + big + frame_message("{}");
  const auto out = read_all(input, 4096, 100);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(starts_with(out[0], "error:message of 200 bytes exceeds the limit of 100 bytes")) << out[0];
  EXPECT_EQ(out[1], "message:{}");
  // An absurd length does not overflow or allocate.
  const auto huge = read_all("Content-Length: 99999999999999999999999999\r\n\r\n" + frame_message("{}"));
  EXPECT_TRUE(starts_with(huge[0], "error:message of")) << huge[0];
  EXPECT_EQ(huge[1], "message:{}");
}

TEST(LspFraming, GarbageIsSkippedSilently) {
  const std::string input = "hello\r\n\r\nnot: a header line\r\n" + std::string(10000, 'z') + frame_message("{}");
  for (std::size_t chunk : {1, 100, 4096}) {
    EXPECT_EQ(read_all(input, chunk), (std::vector<std::string>{"message:{}", "end"})) << "chunk " << chunk;
  }
}

TEST(LspFraming, EndsCleanlyOnTruncatedInput) {
  EXPECT_EQ(read_all(""), (std::vector<std::string>{"end"}));
  EXPECT_EQ(read_all("Content-Length: 10\r\n"), (std::vector<std::string>{"end"}));
  EXPECT_EQ(read_all("Content-Length: 10\r\n\r\n{\"a\""), (std::vector<std::string>{"end"}));
  EXPECT_EQ(read_all(frame_message("{}") + "Content-"), (std::vector<std::string>{"message:{}", "end"}));
}
