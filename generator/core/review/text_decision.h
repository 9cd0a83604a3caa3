// Who decided an agreement and when, as its text states it: a sentence ("Överenskommelsen
// beslutades av regionstyrelsen den 15 juni 2021", "antagen i Länsledningsgruppen
// 2026-03-12") or a cover page's labels ("Beslutad av: Regionstyrelsen" with
// "Beslutsdatum: 2021-06-15"). Used by okgen import to fill <decision>.
#pragma once

#include <optional>
#include <string>

#include "util/date.h"

namespace okgen::review {

struct TextDecision {
  std::string body;        ///< the deciding body as written ("regionstyrelsen")
  util::PartialDate date;  ///< day, or month when the text gives only that
};

/// The decision `text` states (lines; sentences within them), judged as of `as_of`: a past
/// decision (a participle or past tense, not "ska beslutas") by a body (a board, committee,
/// council or group) on a date not after `as_of`. Of several, the latest (older ones are
/// the history of earlier versions). nullopt when the text states none.
std::optional<TextDecision> read_decision(const std::string& text, const util::Date& as_of);

}  // namespace okgen::review
