// The Word redline body (see docx_redline.h).
#include "render/docx/docx_redline.h"

#include <functional>
#include <map>
#include <set>

#include "diff/sequence_diff.h"
#include "diff/word_diff.h"

namespace okgen::render::docx {
namespace {

using diff::Op;

// Paragraphs this similar (share of words unchanged) are one changed paragraph.
constexpr double kSameParagraph = 0.5;
// Shorter paragraphs are never taken for moves: "Ja." deleted here and added there is not one.
constexpr std::size_t kMinMoveKey = 24;

std::string plain(const Para& p) {
  std::string s;
  for (const auto& t : p.toks) s += t.text;
  return s;
}

std::string item_key(const Item& it) {
  if (const auto* p = std::get_if<Para>(&it)) return "P" + p->style + "\x1f" + p->key();
  const auto& t = std::get<Table>(it);
  std::string k = "T" + t.style;
  for (const auto& r : t.rows)
    for (const auto& c : r.cells)
      for (const auto& p : c.paras) k += "\x1f" + p.key();
  return k;
}

// Tables of the same style with the same header row are versions of one table.
std::string table_kind(const Table& t) {
  std::string k = t.style + "\x1e" + std::to_string(t.widths.size());
  if (!t.rows.empty() && t.rows.front().header)
    for (const auto& c : t.rows.front().cells)
      for (const auto& p : c.paras) k += "\x1f" + p.key();
  return k;
}

void mark(Para& p, Rev rev, bool mark_paragraph = true) {
  for (auto& t : p.toks) t.rev = rev;
  if (mark_paragraph) p.rev = rev;
}

void mark(Table& t, Rev rev) {
  for (auto& r : t.rows) {
    r.rev = rev;
    for (auto& c : r.cells)
      for (auto& p : c.paras) mark(p, rev, false);  // a cell keeps its last paragraph mark
  }
}

void mark(Item& it, Rev rev) {
  if (auto* p = std::get_if<Para>(&it)) mark(*p, rev);
  else mark(std::get<Table>(it), rev);
}

// One paragraph changed: its tokens compared one by one (words, spaces, note references).
Para changed_para(const Para& old_p, Para new_p) {
  const auto script = diff::edit_script(old_p.toks, new_p.toks, [](const Tok& a, const Tok& b) { return a.same(b); });
  std::vector<Tok> out;
  for (const auto& e : script) {
    if (e.op == Op::same) {
      out.push_back(new_p.toks[e.new_index]);
    } else if (e.op == Op::del) {
      Tok t = old_p.toks[e.old_index];
      t.rev = Rev::del;
      out.push_back(std::move(t));
    } else {
      Tok t = new_p.toks[e.new_index];
      t.rev = Rev::ins;
      out.push_back(std::move(t));
    }
  }
  // A space kept between two changes joins them ("i en senare version" replaced by "när
  // det är bekräftat" reads as one deletion and one insertion, not word by word in turns):
  // it becomes a deleted and an inserted space, so each version keeps it.
  std::vector<Tok> joined;
  joined.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Tok& t = out[i];
    const bool space = t.rev == Rev::none && t.kind == Tok::Kind::text && !t.text.empty() &&
                       t.text.find_first_not_of(" \t") == std::string::npos;
    if (space && !joined.empty() && joined.back().rev != Rev::none && i + 1 < out.size() && out[i + 1].rev != Rev::none) {
      Tok del = t, ins = t;
      del.rev = Rev::del;
      ins.rev = Rev::ins;
      joined.push_back(std::move(del));
      joined.push_back(std::move(ins));
    } else {
      joined.push_back(t);
    }
  }
  out = std::move(joined);
  // Deletions before insertions within each changed stretch read as "was X, now Y".
  for (std::size_t i = 0; i < out.size();) {
    if (out[i].rev == Rev::none) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < out.size() && out[j].rev != Rev::none) ++j;
    std::stable_partition(out.begin() + static_cast<std::ptrdiff_t>(i), out.begin() + static_cast<std::ptrdiff_t>(j),
                          [](const Tok& t) { return t.rev == Rev::del; });
    i = j;
  }
  new_p.toks = std::move(out);
  return new_p;
}

std::vector<Item> diff_items(std::vector<Item>& old_items, std::vector<Item>& new_items, bool in_cell);

Table changed_table(Table& old_t, Table new_t) {
  auto row_key = [](const Row& r) {
    std::string k;
    for (const auto& c : r.cells)
      for (const auto& p : c.paras) k += "\x1f" + p.key();
    return k;
  };
  auto row_head = [](const Row& r) { return r.cells.empty() || r.cells[0].paras.empty() ? std::string() : plain(r.cells[0].paras[0]); };
  std::vector<std::string> ka, kb;
  for (const auto& r : old_t.rows) ka.push_back(row_key(r));
  for (const auto& r : new_t.rows) kb.push_back(row_key(r));
  std::vector<Row> out;
  std::vector<std::size_t> dels;
  auto flush = [&]() {
    for (auto i : dels) {
      Row r = old_t.rows[i];
      for (auto& c : r.cells)
        for (auto& p : c.paras) mark(p, Rev::del, false);
      r.rev = Rev::del;
      out.push_back(std::move(r));
    }
    dels.clear();
  };
  for (const auto& e : diff::edit_script(ka, kb)) {
    if (e.op == Op::same) {
      flush();
      out.push_back(new_t.rows[e.new_index]);
    } else if (e.op == Op::del) {
      dels.push_back(e.old_index);
    } else {
      Row r = new_t.rows[e.new_index];
      // A deleted row of this stretch with the same first cell (the topic) is this row
      // changed: compared cell by cell.
      auto same = std::find_if(dels.begin(), dels.end(), [&](std::size_t i) {
        return old_t.rows[i].cells.size() == r.cells.size() && row_head(old_t.rows[i]) == row_head(r);
      });
      if (same != dels.end()) {
        std::vector<std::size_t> before(dels.begin(), same);
        const std::size_t old_index = *same;
        std::vector<std::size_t> after(same + 1, dels.end());
        dels = before;
        flush();
        dels = after;
        Row& o = old_t.rows[old_index];
        for (std::size_t c = 0; c < r.cells.size(); ++c) {
          std::vector<Item> oi(o.cells[c].paras.begin(), o.cells[c].paras.end());
          std::vector<Item> ni(r.cells[c].paras.begin(), r.cells[c].paras.end());
          std::vector<Para> merged;
          for (auto& it : diff_items(oi, ni, true)) merged.push_back(std::get<Para>(std::move(it)));
          r.cells[c].paras = std::move(merged);
        }
      } else {
        flush();
        for (auto& c : r.cells)
          for (auto& p : c.paras) mark(p, Rev::ins, false);
        r.rev = Rev::ins;
      }
      out.push_back(std::move(r));
    }
  }
  flush();
  new_t.rows = std::move(out);
  return new_t;
}

// A stretch of old items replaced by a stretch of new ones: similar pairs become changes
// (in order), the rest deletions and insertions.
void resolve(std::vector<Item>& out, std::vector<Item*>& olds, std::vector<Item*>& news, bool in_cell) {
  // One paragraph in place of one other of the same style is that paragraph rewritten,
  // however little of it is left ("0.9" -> "1.0").
  const bool one_for_one = olds.size() == 1 && news.size() == 1;
  std::size_t o = 0;
  for (Item* n : news) {
    std::size_t match = olds.size();
    for (std::size_t k = o; k < olds.size(); ++k) {
      const auto* np = std::get_if<Para>(n);
      const auto* op = std::get_if<Para>(olds[k]);
      if (np && op && np->style == op->style &&
          (one_for_one || diff::similarity(plain(*op), plain(*np)) >= kSameParagraph)) {
        match = k;
        break;
      }
      const auto* nt = std::get_if<Table>(n);
      const auto* ot = std::get_if<Table>(olds[k]);
      if (nt && ot && table_kind(*nt) == table_kind(*ot)) {
        match = k;
        break;
      }
    }
    if (match == olds.size()) {
      Item it = std::move(*n);
      mark(it, Rev::ins);
      out.push_back(std::move(it));
      continue;
    }
    for (; o < match; ++o) {
      Item it = std::move(*olds[o]);
      mark(it, Rev::del);
      out.push_back(std::move(it));
    }
    if (auto* np = std::get_if<Para>(n)) out.emplace_back(changed_para(std::get<Para>(*olds[o]), std::move(*np)));
    else out.emplace_back(changed_table(std::get<Table>(*olds[o]), std::move(std::get<Table>(*n))));
    ++o;
  }
  for (; o < olds.size(); ++o) {
    Item it = std::move(*olds[o]);
    mark(it, Rev::del);
    out.push_back(std::move(it));
  }
  (void)in_cell;
  olds.clear();
  news.clear();
}

std::vector<Item> diff_items(std::vector<Item>& old_items, std::vector<Item>& new_items, bool in_cell) {
  std::vector<std::string> ka, kb;
  for (const auto& it : old_items) ka.push_back(item_key(it));
  for (const auto& it : new_items) kb.push_back(item_key(it));
  std::vector<Item> out;
  std::vector<Item*> olds, news;
  for (const auto& e : diff::edit_script(ka, kb)) {
    if (e.op == Op::same) {
      resolve(out, olds, news, in_cell);
      out.push_back(std::move(new_items[e.new_index]));
    } else if (e.op == Op::del) {
      olds.push_back(&old_items[e.old_index]);
    } else {
      news.push_back(&new_items[e.new_index]);
    }
  }
  resolve(out, olds, news, in_cell);
  if (in_cell && !out.empty()) {
    // The last paragraph mark of a cell cannot go; a deleted or inserted last paragraph
    // leaves an empty one behind.
    auto& last = std::get<Para>(out.back());
    last.rev = Rev::none;
  }
  return out;
}

// Whole paragraphs deleted in one place and inserted unchanged in another become moves.
void find_moves(std::vector<Item>& items) {
  std::map<std::string, std::vector<Para*>> deleted, inserted;
  for (auto& it : items) {
    auto* p = std::get_if<Para>(&it);
    if (!p || p->rev == Rev::none) continue;
    const std::string k = p->style + "\x1f" + p->key();
    if (p->key().size() < kMinMoveKey) continue;
    (p->rev == Rev::del ? deleted : inserted)[k].push_back(p);
  }
  int n = 0;
  for (auto& [k, from] : deleted) {
    auto to = inserted.find(k);
    if (from.size() != 1 || to == inserted.end() || to->second.size() != 1) continue;
    const std::string name = "okgenMove" + std::to_string(++n);
    mark(*from[0], Rev::move_from);
    from[0]->move = name;
    mark(*to->second[0], Rev::move_to);
    to->second[0]->move = name;
  }
}

// Every paragraph of the items, table cells included.
void each_para(std::vector<Item>& items, const std::function<void(Para&)>& fn) {
  for (auto& it : items) {
    if (auto* p = std::get_if<Para>(&it)) fn(*p);
    if (auto* t = std::get_if<Table>(&it))
      for (auto& r : t->rows)
        for (auto& c : r.cells)
          for (auto& p : c.paras) fn(p);
  }
}

// A section in both versions has its heading twice when the heading changed (deleted old,
// inserted new): the bookmark stays with the text that remains after accepting.
void dedupe_bookmarks(std::vector<Item>& items) {
  std::set<std::string> kept;
  auto gone = [](const Para& p) { return p.rev == Rev::del || p.rev == Rev::move_from; };
  each_para(items, [&](Para& p) {
    if (!p.bookmark.empty() && !gone(p) && !kept.insert(p.bookmark).second) p.bookmark.clear();
  });
  each_para(items, [&](Para& p) {
    if (!p.bookmark.empty() && gone(p) && !kept.insert(p.bookmark).second) p.bookmark.clear();
  });
}

void shift_lists(std::vector<Item>& items, int by) {
  each_para(items, [&](Para& p) {
    if (p.num > 0) p.num += by;
  });
}

using Notes = std::vector<std::pair<std::string, std::vector<Para>>>;

// A footnote's paragraphs all inserted or all deleted; its last paragraph mark stays, as a
// cell's does (a footnote cannot be left without a paragraph).
std::vector<Para> marked_note(std::vector<Para> paras, Rev rev) {
  for (auto& p : paras) mark(p, rev);
  if (!paras.empty()) paras.back().rev = Rev::none;
  return paras;
}

// The footnotes of the redline, following their references (Word shows a footnote where its
// reference is and drops it with a deleted reference). A note cited by text both versions
// keep has its old and new wording compared like a cell's paragraphs; a note cited only by
// inserted (or moved-to) text is inserted whole, one cited only by deleted (or moved-from)
// text is deleted whole. A note whose first citation moved out of deleted text into inserted
// text has two references, and a Word footnote has one: the deleted reference gets a
// footnote of its own with the old wording under the id "<id>~old".
Notes redline_notes(std::vector<Item>& items, Notes old_notes, Notes new_notes) {
  struct Cited {
    bool kept = false, added = false, removed = false;
  };
  std::map<std::string, Cited> cited;
  std::vector<std::string> order;  // ids in the order first cited
  each_para(items, [&](Para& p) {
    for (const auto& t : p.toks) {
      if (t.kind != Tok::Kind::note_ref) continue;
      if (!cited.count(t.note)) order.push_back(t.note);
      Cited& c = cited[t.note];
      if (t.rev == Rev::none) c.kept = true;
      if (t.rev == Rev::ins || t.rev == Rev::move_to) c.added = true;
      if (t.rev == Rev::del || t.rev == Rev::move_from) c.removed = true;
    }
  });
  std::map<std::string, std::vector<Para>> olds(old_notes.begin(), old_notes.end());
  std::map<std::string, std::vector<Para>> news(new_notes.begin(), new_notes.end());
  auto take = [](std::map<std::string, std::vector<Para>>& from, const std::string& id) {
    auto it = from.find(id);
    return it == from.end() ? std::vector<Para>() : std::move(it->second);
  };
  Notes out;
  for (const auto& id : order) {
    const Cited& c = cited[id];
    const bool has_old = olds.count(id) > 0, has_new = news.count(id) > 0;
    if (c.kept && has_old && has_new) {
      std::vector<Item> oi, ni;
      for (auto& p : take(olds, id)) oi.emplace_back(std::move(p));
      for (auto& p : take(news, id)) ni.emplace_back(std::move(p));
      std::vector<Para> merged;
      for (auto& it : diff_items(oi, ni, true)) merged.push_back(std::get<Para>(std::move(it)));
      out.emplace_back(id, std::move(merged));
    } else if (c.kept || c.added) {
      const bool inserted = !c.kept;
      std::vector<Para> paras = has_new ? take(news, id) : take(olds, id);
      out.emplace_back(id, inserted ? marked_note(std::move(paras), Rev::ins) : std::move(paras));
      if (c.added && c.removed && !c.kept && has_old) {
        const std::string old_id = id + "~old";
        each_para(items, [&](Para& p) {
          for (auto& t : p.toks)
            if (t.kind == Tok::Kind::note_ref && t.note == id && (t.rev == Rev::del || t.rev == Rev::move_from))
              t.note = old_id;
        });
        out.emplace_back(old_id, marked_note(take(olds, id), Rev::del));
      }
    } else {
      out.emplace_back(id, marked_note(has_old ? take(olds, id) : take(news, id), Rev::del));
    }
  }
  return out;
}

}  // namespace

Body redline_body(Body old_body, Body new_body) {
  Body out;
  const int shift = static_cast<int>(new_body.lists.size());
  shift_lists(old_body.items, shift);
  for (auto& n : old_body.notes)
    for (auto& p : n.second)
      if (p.num > 0) p.num += shift;
  out.lists = new_body.lists;
  out.lists.insert(out.lists.end(), old_body.lists.begin(), old_body.lists.end());
  out.first_list_of_old = shift + 1;
  out.items = diff_items(old_body.items, new_body.items, false);
  find_moves(out.items);
  dedupe_bookmarks(out.items);
  out.notes = redline_notes(out.items, std::move(old_body.notes), std::move(new_body.notes));
  return out;
}

}  // namespace okgen::render::docx
