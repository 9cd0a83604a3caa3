// Word diffs (see word_diff.h).
#include "diff/word_diff.h"

#include <algorithm>

namespace okgen::diff {

namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool is_word_byte(unsigned char c) { return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-'; }

}  // namespace

std::vector<std::string> tokenize(const std::string& text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t j = i + 1;
    if (is_space(c)) {
      while (j < text.size() && is_space(static_cast<unsigned char>(text[j]))) ++j;
    } else if (is_word_byte(c)) {
      while (j < text.size() && is_word_byte(static_cast<unsigned char>(text[j]))) ++j;
    }
    out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

WordDiff diff_words(const std::string& old_text, const std::string& new_text) {
  const auto a = tokenize(old_text), b = tokenize(new_text);
  WordDiff out;
  auto add = [&](Op op, const std::string& t) {
    if (!out.empty() && out.back().op == op) out.back().text += t;
    else out.push_back(Piece{op, t});
  };
  for (const auto& e : edit_script(a, b)) {
    if (e.op == Op::same) add(Op::same, a[e.old_index]);
    else if (e.op == Op::del) add(Op::del, a[e.old_index]);
    else add(Op::ins, b[e.new_index]);
  }
  // A lone space between two changes joins them: "[-a-] [-b-]" reads better as "[-a b-]".
  WordDiff merged;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const bool gap = out[i].op == Op::same && i > 0 && i + 1 < out.size() && out[i - 1].op != Op::same &&
                     out[i + 1].op != Op::same && std::all_of(out[i].text.begin(), out[i].text.end(),
                                                              [](char c) { return is_space(static_cast<unsigned char>(c)); });
    if (!gap) {
      merged.push_back(out[i]);
      continue;
    }
    // Put the space into both the deletion and the insertion run around it.
    std::string del, ins;
    std::size_t k = merged.size();
    while (k > 0 && merged[k - 1].op != Op::same) --k;
    for (std::size_t q = k; q < merged.size(); ++q) (merged[q].op == Op::del ? del : ins) += merged[q].text;
    merged.resize(k);
    del += out[i].text;
    ins += out[i].text;
    std::size_t q = i + 1;
    for (; q < out.size() && out[q].op != Op::same; ++q) (out[q].op == Op::del ? del : ins) += out[q].text;
    if (!del.empty() && del != out[i].text) merged.push_back(Piece{Op::del, del});
    if (!ins.empty() && ins != out[i].text) merged.push_back(Piece{Op::ins, ins});
    i = q - 1;
  }
  return merged;
}

std::string marked_text(const WordDiff& d) {
  std::string out;
  for (const auto& p : d) {
    if (p.op == Op::same) out += p.text;
    if (p.op == Op::del) out += "[-" + p.text + "-]";
    if (p.op == Op::ins) out += "{+" + p.text + "+}";
  }
  return out;
}

bool has_changes(const WordDiff& d) {
  return std::any_of(d.begin(), d.end(), [](const Piece& p) { return p.op != Op::same; });
}

double similarity(const std::string& a, const std::string& b) {
  std::vector<std::string> wa, wb;
  for (auto& t : tokenize(a)) if (!is_space(static_cast<unsigned char>(t[0]))) wa.push_back(t);
  for (auto& t : tokenize(b)) if (!is_space(static_cast<unsigned char>(t[0]))) wb.push_back(t);
  if (wa.empty() && wb.empty()) return 1.0;
  std::size_t same = 0;
  for (const auto& e : edit_script(wa, wb)) same += e.op == Op::same;
  return static_cast<double>(same) / static_cast<double>(std::max(wa.size(), wb.size()));
}

}  // namespace okgen::diff
