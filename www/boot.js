// The page's language, decided before the first paint. A classic script,
// loaded blocking from <head> (index.html), so that it runs before the body
// is drawn: it sets <html lang> to the locale, and js/i18n.js takes the
// locale from there (this is the one place that decides it).
//
// The rule: the user's stored choice (localStorage 'ciyan-locale', written
// by i18n.js's setLocale), else the locale that serves the first of the
// browser's languages that one serves, else OTHERWISE. The locales are
// those of js/messages/locales.js, which scripts/dist.mjs writes in below
// (this script imports nothing, to stay small and blocking); unbuilt, the
// page stays in the language index.html is written in.
//
// index.html is written in Chinese. For another locale the class
// i18n-pending hides its static text (css/i18n.css) until applyStatic has
// written it in that locale and removed the class, so that an English reader
// never sees the Chinese flash by; should the modules fail, the CSS shows
// the text anyway after a moment. The switch's button of the locale is
// pressed from the first paint too.
//
// It also starts the analysis worker (../worker.js): the worker fetches and
// compiles the wasm and the dictionary while the page's own modules load,
// instead of after them (0.4 s of a first open on a 2-core machine). The
// client (js/analyzer-client.js) takes it from window.ciyanWorker.
(function startWorker() {
  if (typeof Worker === 'undefined') return;
  try {
    var worker = new Worker('worker.js', { type: 'module' });
    // A worker that failed to load before the client took it: the client
    // starts another, whose failure it reports.
    worker.addEventListener('error', function (event) {
      event.preventDefault();
      worker.failedToLoad = true;
    });
    window.ciyanWorker = worker;
  } catch (error) {
    // No module workers: the client's own attempt reports it.
  }
}());

(function boot() {
  // {match: {code: [language tags]}, otherwise: code}, from js/messages/locales.js.
  var LOCALES = {/* locales: scripts/dist.mjs */};
  var match = LOCALES.match || {};
  var root = document.documentElement;
  var writtenIn = root.lang; // the language of index.html's own text

  function known(code) {
    return Object.prototype.hasOwnProperty.call(match, code);
  }

  function stored() {
    try {
      var value = localStorage.getItem('ciyan-locale');
      return known(value) ? value : null;
    } catch (error) {
      return null; // storage blocked: the browser's language
    }
  }

  // The locale of the longest of the locales' tags that is `tag` or starts
  // it (zh-tw: zh-Hant's zh-tw before zh-CN's zh), or null.
  function serving(tag) {
    var best = null;
    var longest = 0;
    for (var code in match) {
      if (!known(code)) continue;
      for (var i = 0; i < match[code].length; i += 1) {
        var prefix = match[code][i];
        if ((tag === prefix || tag.indexOf(prefix + '-') === 0) && prefix.length > longest) {
          best = code;
          longest = prefix.length;
        }
      }
    }
    return best;
  }

  function fromBrowser() {
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (var i = 0; i < languages.length; i += 1) {
      var code = serving(String(languages[i]).toLowerCase());
      if (code) return code;
    }
    return LOCALES.otherwise || writtenIn;
  }

  var locale = stored() || fromBrowser();
  root.lang = locale;
  if (locale !== writtenIn) root.classList.add('i18n-pending');

  // The switch's buttons are marked as the parser adds them: mutation
  // records are delivered before the browser paints, so the chosen one is
  // never seen unpressed (main.js keeps them marked after a switch).
  if (typeof MutationObserver === 'undefined') return;
  var observer = new MutationObserver(function (records) {
    for (var r = 0; r < records.length; r += 1) {
      var added = records[r].addedNodes;
      for (var n = 0; n < added.length; n += 1) {
        var node = added[n];
        if (node.nodeType === 1 && node.hasAttribute('data-locale') && node.parentNode && node.parentNode.classList.contains('locale-switch')) {
          node.setAttribute('aria-pressed', String(node.getAttribute('data-locale') === locale));
        }
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', function () { observer.disconnect(); });
}());
