#include "ingest/input_dispatcher.h"

#include <cstdio>
#include <utility>

#include "core/ascii.h"
#include "core/utf8.h"

#include "ingest/charset_converter.h"
#include "ingest/encoding_sniffer.h"
#include "ingest/gzip_decoder.h"

namespace marsad::ingest {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The extension of the last path component, lower-cased, without the dot.
std::string Extension(std::string_view name) {
  size_t slash = name.find_last_of("/!");
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return AsciiLower(base.substr(dot + 1));
}

char FirstNonSpace(std::string_view s) {
  size_t i = s.find_first_not_of(" \t\r\n\f");
  return i == std::string_view::npos ? '\0' : s[i];
}

std::string BinaryReason(double fraction) {
  char pct[16];
  std::snprintf(pct, sizeof pct, "%.0f%%", fraction * 100);
  return std::string("binary file, not a supported input (") + pct +
         " of its start is not UTF-8 text); if it is text in a legacy encoding such as "
         "windows-1256, convert it first: iconv -f cp1256 -t utf-8";
}

}  // namespace

InputDispatcher::InputDispatcher(DocumentEmitter* emitter)
    : emitter_(emitter), json_(emitter), trec_(emitter), zip_(emitter) {}

InputDispatcher::Kind InputDispatcher::KindOf(const std::string& name) {
  std::string ext = Extension(name);
  if (ext == "txt" || ext == "text") return Kind::kText;
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return Kind::kHtml;
  if (ext == "json") return Kind::kJson;
  if (ext == "jsonl" || ext == "ndjson") return Kind::kJsonLines;
  if (ext == "trec" || ext == "sgml" || ext == "sgm") return Kind::kTrec;
  if (ext == "zip") return Kind::kZip;
  return Kind::kUnknown;
}

void InputDispatcher::Read(const std::string& input, const std::string& name, Bytes bytes, Progress& progress,
                           int depth) {
  if (bytes.data.empty()) {
    emitter_->Fail(input, "empty file: nothing to read");
    return;
  }
  Magic magic = SniffMagic(bytes.data);
  if (magic == Magic::kGzip) {
    Result<OwnedBytes> plain = Gunzip(bytes.data, emitter_->options().max_file_bytes);
    if (!plain.ok()) {
      emitter_->Fail(input, plain.status().message());
      return;
    }
    std::string inner = AsciiLower(name);
    inner = EndsWith(inner, ".gz") ? name.substr(0, name.size() - 3)
            : EndsWith(inner, ".tgz") ? name.substr(0, name.size() - 4) + ".tar"
                                      : name;
    Read(input, inner, plain.value().view(), progress, depth + 1);
    return;
  }
  Kind kind = KindOf(name);
  if (magic == Magic::kZip || kind == Kind::kZip) {
    if (depth >= kMaxDepth) {
      emitter_->Fail(input, "archives nested more than " + std::to_string(kMaxDepth) + " deep; refused");
      return;
    }
    zip_.Read(input, bytes.data, progress,
              [this, depth](const std::string& member_input, const std::string& member_name, Bytes member,
                            Progress& member_progress) {
                Read(member_input, member_name, member, member_progress, depth + 1);
              });
    return;
  }
  UnicodeText text = DecodeUnicode(bytes);
  if (text.bytes.data.empty()) {
    emitter_->Fail(input, "empty file: only a byte order mark");
    return;
  }
  if (kind == Kind::kUnknown) {
    char first = FirstNonSpace(text.bytes.data);
    if (first == '{' || first == '[') {
      kind = Kind::kJson;
    } else if (TrecReader::LooksLikeTrec(text.bytes.data)) {
      kind = Kind::kTrec;
    } else if (LooksLikeHtml(text.bytes.data)) {
      kind = Kind::kHtml;
    } else {
      kind = Kind::kText;
    }
  }
  switch (kind) {
    case Kind::kJson:
      json_.ReadJson(input, text.bytes, progress);
      return;
    case Kind::kJsonLines:
      json_.ReadJsonLines(input, text.bytes, progress);
      return;
    case Kind::kTrec:
      trec_.Read(input, text.bytes.data, progress);
      return;
    default:
      ReadSingle(input, kind, text.bytes, text.invalid);
      return;
  }
}

void InputDispatcher::ReadSingle(const std::string& input, Kind kind, Bytes bytes, size_t known_invalid) {
  if (emitter_->RefuseIfTooBig(input, bytes.data.size())) return;
  std::string converted;
  if (kind == Kind::kHtml) {
    // A page that declares a legacy charset and is not valid UTF-8 is converted; pages
    // that declare one but are UTF-8 anyway (common after re-saving) are left alone.
    std::string charset = DeclaredCharset(bytes.data);
    if (!charset.empty() && !IsUtf8Name(charset) && !utf8::IsValid(bytes.data)) {
      Result<std::string> utf8 = ConvertToUtf8(bytes.data, charset);
      if (!utf8.ok()) {
        emitter_->Fail(input, utf8.status().message());
        return;
      }
      converted = std::move(utf8).value();
      bytes = Bytes{converted, false};
    }
  }
  double non_text = NonTextFraction(bytes.data);
  if (non_text > kBinaryThreshold) {
    emitter_->Fail(input, BinaryReason(non_text));
    return;
  }
  if (FirstNonSpace(bytes.data) == '\0') {
    emitter_->Fail(input, "empty file: only whitespace");
    return;
  }
  // Truncated HTML is read as far as it goes: HTML parsers close what is left open, and
  // many real pages never had their closing tags.
  emitter_->Emit(input, kind == Kind::kHtml ? DocFormat::kHtml : DocFormat::kText, std::string(bytes.data),
                 DocHints{}, known_invalid);
}

}  // namespace marsad::ingest
