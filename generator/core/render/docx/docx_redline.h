// Two DOCX bodies -> one body with tracked changes (the Word redline).
//
// Paragraphs and tables are aligned by an edit script over their text; in a stretch that
// differs, an old and a new paragraph that are similar enough (half their words) are one
// changed paragraph, compared word by word, the rest are deleted or inserted whole. Tables
// of the same kind are compared row by row and cell by cell. A paragraph deleted in one
// place and inserted unchanged in another is a move. Accepting every change gives the new
// body's text, rejecting every change the old body's.
#pragma once

#include "render/docx/docx_body.h"

namespace okgen::render::docx {

/// The new body with its differences from the old marked. Lists and notes of both are
/// kept (the old ones renumbered after the new ones).
Body redline_body(Body old_body, Body new_body);

}  // namespace okgen::render::docx
