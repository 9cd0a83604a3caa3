// The workspace's pages, rendered from templates/serve/*.html.mustache: this file only builds
// the values the templates show (no wording lives here). Every page is a whole HTML document
// that works without JavaScript; live.js only reloads it when what it shows changes.
#pragma once

#include <string>
#include <vector>

#include "local/answers.h"
#include "resources.h"
#include "workspace.h"

namespace okgen::serve {

/// What every page needs besides its own data.
struct PageInfo {
  std::string csrf;         ///< the session's CSRF token, put into every form
  std::string content_dir;  ///< shown in the header
  std::string live_key;     ///< the entry whose changes reload the page ("*" any change, "" none)
};

/// A regional section open to local text, as the questionnaire offers it.
struct OpenSection {
  std::string id, number, heading, action, fingerprint;
  std::string regional_text;  ///< what the regional agreement says there now
};

/// What the questionnaire shows for one local agreement.
struct Questionnaire {
  std::vector<local::OpenQuestion> questions;
  std::map<std::string, std::string> regional_text;  ///< section id -> regional text (for slots)
  std::vector<OpenSection> open_sections;             ///< regional sections without local text yet
  std::string file_hash;                              ///< of the file as the form shows it
  std::string notice;                                 ///< "saved" and the like (from the query)
  std::vector<Finding> errors;                        ///< why a save was refused
  std::map<int, std::string> kept_answers;            ///< answers shown again after a refusal
};

std::string overview_page(const std::vector<std::shared_ptr<const Entry>>& entries, const Resources& res,
                          const PageInfo& info);
/// The agreement's own HTML page with the workspace bar and live reload added.
/// The preview; for a local agreement published in both forms, `consolidated` picks the
/// consolidated version instead of its own document.
std::string preview_page(const Entry& e, const Resources& res, bool last_good, bool consolidated = false);
/// A local agreement's own document and its consolidated version side by side.
std::string forms_page(const Entry& e, const Resources& res, const PageInfo& info);
/// A file with errors: its findings with the source lines, and a link to the last good preview.
std::string problems_page(const Entry& e, const Resources& res, const PageInfo& info);
/// Coverage with evidence and findings grouped by section; `severity`/`rule` filter them.
std::string check_page(const Entry& e, const Resources& res, const PageInfo& info, const std::string& severity,
                       const std::string& rule);
std::string questionnaire_page(const Entry& e, const Questionnaire& q, const Resources& res, const PageInfo& info);
/// A save refused because the file changed on disk since the form was opened.
std::string conflict_page(const Entry& e, const std::string& on_disk, const std::vector<std::pair<std::string, std::string>>& answers,
                          const Resources& res, const PageInfo& info);
/// `okgen local init` as a form: regions with a regional agreement, their municipalities.
std::string init_page(const std::vector<std::shared_ptr<const Entry>>& entries, const std::string& region,
                      const std::vector<Finding>& errors, const Resources& res, const PageInfo& info);
/// The redline's revision picker (git commits of the file), or why there is none.
std::string revisions_page(const Entry& e, const std::vector<std::pair<std::string, std::string>>& commits,
                           const std::string& problem, const Resources& res, const PageInfo& info);
/// The redline between a revision and the working file, with the workspace bar.
std::string redline_page(const Entry& e, const std::string& diff_html, const Resources& res);
/// A short page for an error answer (404, 403, ...).
std::string message_page(const std::string& title, const std::string& text, const Resources& res, const PageInfo& info);

/// Percent-encodes a key for a URL path ('/' kept).
std::string url_path(const std::string& key);

}  // namespace okgen::serve
