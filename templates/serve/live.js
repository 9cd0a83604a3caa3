// okgen serve: reloads the page when the workspace has rebuilt what it shows (Server-Sent
// Events from /events), and puts the reader back where they were. Loaded by every page the
// workspace shows live; without it the pages work the same, only without reloading.
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
  var source = new EventSource('/events');
  source.addEventListener('change', function (ev) {
    var data;
    try { data = JSON.parse(ev.data); } catch (e) { return; }
    if (key === '*' || (data.keys || []).indexOf(key) >= 0) {
      try { sessionStorage.setItem(store, String(window.scrollY)); } catch (e) { /* as above */ }
      source.close();
      location.reload();
    }
  });
})();
