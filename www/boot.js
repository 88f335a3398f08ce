// The page's language, decided before the first paint. A classic script,
// loaded blocking from <head> (index.html), so that it runs before the body
// is drawn: it sets <html lang> to the locale, and js/i18n.js takes the
// locale from there (this is the one place that decides it).
//
// The rule: the user's stored choice (localStorage 'ciyan-locale', written
// by i18n.js's setLocale), else the first Chinese or English entry of the
// browser's languages, else English (read more widely than Chinese).
//
// index.html is written in Chinese. For another locale the class
// i18n-pending hides its static text (css/i18n.css) until applyStatic has
// written it in that locale and removed the class, so that an English reader
// never sees the Chinese flash by; should the modules fail, the CSS shows
// the text anyway after a moment.
(function boot() {
  var LOCALES = ['zh-CN', 'en']; // js/messages/<locale>.js; i18n.js's CATALOGS
  var WRITTEN_IN = 'zh-CN'; // the language of index.html's own text

  function stored() {
    try {
      var value = localStorage.getItem('ciyan-locale');
      return LOCALES.indexOf(value) >= 0 ? value : null;
    } catch (error) {
      return null; // storage blocked: the browser's language
    }
  }

  function fromBrowser() {
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (var i = 0; i < languages.length; i += 1) {
      var tag = String(languages[i]).toLowerCase();
      // (A third catalog, 繁體中文: zh-tw / zh-hk / zh-hant → 'zh-Hant' before this line.)
      if (tag.indexOf('zh') === 0) return 'zh-CN';
      if (tag.indexOf('en') === 0) return 'en';
    }
    return 'en';
  }

  var locale = stored() || fromBrowser();
  var root = document.documentElement;
  root.lang = locale;
  if (locale !== WRITTEN_IN) root.classList.add('i18n-pending');
}());
