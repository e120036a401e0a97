#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/multipart.h"
#include "http/request.h"
#include "util/http_error.h"

namespace axis::http {
namespace {

namespace fs = std::filesystem;

const std::string kType = "multipart/form-data; boundary=XyZ";

std::string body_with(const std::string& csv) {
  return "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
         "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.csv\"\r\n"
         "Content-Type: text/csv\r\n\r\n" +
         csv + "\r\n--XyZ--\r\nepilogue";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Multipart : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("axis-multipart-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::size_t files_left() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()));
  }
  fs::path dir_;
};

TEST_F(Multipart, DecodesFieldsAndFilesFedInPiecesOfEverySize) {
  // The file contains text that looks like a boundary but is not one.
  const std::string csv = "a,b\r\n1,\"--XyZ\"\r\n2,\r\n-XyZ\r\n\r\n-";
  const std::string body = body_with(csv);
  for (std::size_t piece : {1u, 2u, 3u, 5u, 7u, 13u, 64u, 100000u}) {
    MultipartDecoder decoder(kType, dir_.string());
    for (std::size_t at = 0; at < body.size(); at += piece) decoder.feed(std::string_view(body).substr(at, piece));
    auto form = decoder.finish();
    ASSERT_EQ(form->error, "") << "piece " << piece;
    EXPECT_EQ(form->fields.at("note"), "hello");
    const UploadedFile* file = form->file("file");
    ASSERT_NE(file, nullptr);
    EXPECT_EQ(file->filename, "a b.csv");
    EXPECT_EQ(file->size, csv.size());
    EXPECT_EQ(read_file(file->path), csv) << "piece " << piece;
  }
  EXPECT_EQ(files_left(), 0u);  // every form removed its file when released
}

TEST_F(Multipart, MalformedBodiesAreReportedAndLeaveNoFiles) {
  struct Case {
    std::string body, error;
  } cases[] = {
      {"no delimiter at all", "Malformed multipart body: no boundary found"},
      {"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\na,b\r\n1,2",
       "Malformed multipart body: body ends inside a part"},
      {"--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--",
       "Malformed multipart body: a part has no Content-Disposition name"},
      {"--XyZ junk", "Malformed multipart body: boundary not followed by a line break"},
  };
  for (const Case& c : cases) {
    MultipartDecoder decoder(kType, dir_.string());
    decoder.feed(c.body);
    EXPECT_EQ(decoder.finish()->error, c.error) << c.body;
  }
  EXPECT_EQ(files_left(), 0u);
}

TEST_F(Multipart, ParseMultipartThrows400ForOtherContentTypes) {
  Request req;
  req.headers = {{"content-type", "application/json"}};
  req.body = "{}";
  try {
    parse_multipart(req, dir_.string());
    FAIL() << "expected an util::HttpError";
  } catch (const util::HttpError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_NE(std::string(e.what()).find("multipart/form-data"), std::string::npos);
  }
  req.headers = {{"content-type", kType}};
  req.body = body_with("x,y\n1,2\n");
  auto form = parse_multipart(req, dir_.string());
  EXPECT_EQ(read_file(form->file("file")->path), "x,y\n1,2\n");
}

TEST_F(Multipart, BoundaryParameterIsReadQuotedOrBare) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=abc").value(), "abc");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=x; boundary=\"a b\"").value(), "a b");
  EXPECT_FALSE(multipart_boundary("multipart/form-data").has_value());
  EXPECT_FALSE(multipart_boundary("text/csv; boundary=abc").has_value());
}

}  // namespace
}  // namespace axis::http
