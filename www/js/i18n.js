// The page's language: one of the locales of js/messages/locales.js, each a
// message catalog in js/messages/ with the same keys. The locale is decided
// before the first paint by boot.js (the user's stored choice, else the
// browser's languages), which sets <html lang>; this module reads it from
// there when it is evaluated, so the first drawing is already in it.
//
// js/messages/locales.js is the one list of locales: this module takes the
// catalogs from it, and scripts/dist.mjs writes it into boot.js and the
// buttons of index.html's switch. No other file lists the locales: a new
// one is its catalog and its entry there.
//
// t(key, ...args): a catalog entry is a string, or a function of args that
// returns one. texts(prefix) gives an object whose properties are looked
// up at each read (TEXT.title, TEXT.count(3)), so a view's strings follow a
// switch without the view keeping anything.

import { h } from './dom.js';
import { LOCALES } from './messages/locales.js';

const CATALOGS = Object.fromEntries(LOCALES.map(({ code, catalog }) => [code, catalog]));
// The language index.html is written in: its catalog fills a key another lacks.
const WRITTEN_IN = LOCALES[0].code;
// Where the user's choice is kept; boot.js reads it.
const STORAGE_KEY = 'ciyan-locale';
// The class of <html> that hides index.html's Chinese text while another
// locale's is not written yet (boot.js adds it, applyStatic removes it).
const PENDING = 'i18n-pending';

// boot.js's choice; the language index.html is written in if it did not run.
let current = CATALOGS[document.documentElement.lang] ? document.documentElement.lang : WRITTEN_IN;
const listeners = new Set();

export const locale = () => current;

/** The catalog's text for `key`; a missing key shows index.html's language's, then the key. */
export function t(key, ...args) {
  const entry = CATALOGS[current][key] ?? CATALOGS[WRITTEN_IN][key];
  if (entry === undefined) return key;
  return typeof entry === 'function' ? entry(...args) : entry;
}

/** Whether the catalog has `key`. */
export const has = (key) => key in CATALOGS[current];

/**
 * An object whose property `name` reads `prefix.name` now: a string, or a
 * function (of the entry's arguments) for an entry that is one.
 * @returns {Record<string, any>}
 */
export function texts(prefix) {
  return new Proxy({}, {
    get(_, name) {
      if (typeof name !== 'string') return undefined;
      const key = `${prefix}.${name}`;
      const entry = CATALOGS[current][key] ?? CATALOGS[WRITTEN_IN][key];
      return entry === undefined ? key : entry;
    },
  });
}

/** Switches to `next`, remembers it, and tells every listener. */
export function setLocale(next) {
  if (!CATALOGS[next] || next === current) return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* not remembered */ }
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

/** Calls `listener(locale)` after every switch; returns an unsubscribe function. */
export function onLocaleChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Fills the static text of `root`: data-i18n="key" sets the element's text;
 * data-i18n-attr="title:key; aria-label:key2" sets attributes.
 */
export function applyStatic(root = document) {
  document.documentElement.lang = current;
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('[data-i18n]'))) element.textContent = t(element.dataset.i18n);
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('[data-i18n-attr]'))) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map((part) => part.trim());
      if (attribute && key) element.setAttribute(attribute, t(key));
    }
  }
  if (root === document) document.documentElement.classList.remove(PENDING);
}

/**
 * An element whose text is the catalog's `key`, and follows a switch
 * (data-i18n; applyStatic): for the fixed labels of a view built once.
 */
export const hText = (tag, key, props = {}) => h(tag, { ...props, 'data-i18n': key }, t(key));

/**
 * Attributes {name: key} as props for dom.js's h(): each set to the
 * catalog's text now, and again after a switch (data-i18n-attr).
 */
export function attrs(map) {
  const props = { 'data-i18n-attr': Object.entries(map).map(([name, key]) => `${name}:${key}`).join(';') };
  for (const [name, key] of Object.entries(map)) props[name] = t(key);
  return props;
}

/**
 * The sentence for an error of the worker or the core ({code, message}):
 * the catalog's for a known code (error.<code>, a function of the error),
 * else the error's own message.
 */
export function errorText(error) {
  if (!error) return '';
  const key = `error.${error.code}`;
  if (error.code && has(key)) return t(key, error);
  return error.message ?? String(error);
}

document.documentElement.lang = current;
