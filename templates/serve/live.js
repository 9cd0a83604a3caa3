// okgen serve: shows what the workspace has rebuilt as soon as it has (Server-Sent Events from
// /events). The page fetches itself again and puts the new body in place of the old one, so
// the reader stays where they were and nothing else (style sheet, fonts, this script, the
// event stream) loads again; when the new page has another head (a broken file's problems
// page instead of the preview, or back) it reloads instead and restores the scroll position.
// Loaded by every page the workspace shows live; without it the pages work the same, only
// without updating.
(function () {
  'use strict';
  var script = document.querySelector('script[data-live]');
  if (!script || !window.EventSource) return;
  var key = script.getAttribute('data-key');
  var store = 'okgen-scroll:' + location.pathname + location.search;
  try {
    var saved = sessionStorage.getItem(store);
    if (saved !== null) {
      sessionStorage.removeItem(store);
      window.scrollTo(0, parseInt(saved, 10) || 0);
    }
  } catch (e) { /* storage switched off: the page starts at the top */ }

  // The head without its title: two pages with the same one look alike with either body.
  function headOf(doc) {
    var copy = doc.head.cloneNode(true);
    var titles = copy.querySelectorAll('title');
    for (var i = 0; i < titles.length; i++) titles[i].remove();
    return copy.innerHTML.replace(/\s+/g, ' ');
  }

  function reload() {
    try { sessionStorage.setItem(store, String(window.scrollY)); } catch (e) { /* as above */ }
    source.close();
    location.reload();
  }

  var busy = false, again = false;
  function update() {
    if (busy) { again = true; return; }  // one fetch at a time; the last change wins
    busy = true;
    fetch(location.href, { cache: 'no-store', credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (res) {
        if (!res.ok || res.redirected) throw new Error('status ' + res.status);
        return res.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        if (!doc.body || headOf(doc) !== headOf(document)) throw new Error('another kind of page');
        var x = window.scrollX, y = window.scrollY;
        document.title = doc.title;
        // Scripts in the new body do not run (DOMParser makes them inert); this one goes on.
        document.body.replaceWith(document.adoptNode(doc.body));
        window.scrollTo(x, y);
        busy = false;
        if (again) { again = false; update(); }
      })
      .catch(reload);
  }

  var source = new EventSource('/events');
  source.addEventListener('open', function () { window.__okgenLive = 'open'; });
  source.addEventListener('change', function (ev) {
    var data;
    try { data = JSON.parse(ev.data); } catch (e) { return; }
    if (key === '*' || (data.keys || []).indexOf(key) >= 0) update();
  });
})();
