// The interface languages: the one list that names them. Each is a catalog
// js/messages/<code>.js with the same keys as the others. i18n.js takes the
// catalogs from here; scripts/dist.mjs writes the codes and their language
// tags into boot.js (which chooses the locale before the first paint) and a
// button per locale into index.html's switch (scripts/lists.mjs).
//
// A new language: its catalog (js/messages/<code>.js, the keys of
// zh-CN.js) and its entry here (an import and a line of LOCALES). For
// 繁體中文, for example:
//   import zhHant from './zh-Hant.js';
//   { code: 'zh-Hant', name: '繁體中文', match: ['zh-hant', 'zh-tw', 'zh-hk', 'zh-mo'], catalog: zhHant },
// (the longest tag that matches wins, so zh-TW goes to zh-Hant and zh to zh-CN).

import en from './en.js';
import zhCN from './zh-CN.js';

/**
 * code: the catalog's file name and the page's <html lang>; name: the
 * switch's label, in that language; match: the browser languages it serves,
 * as lower-case BCP 47 tags or their first subtags ('zh' serves zh-CN,
 * zh-SG…). The first is the language index.html is written in, whose text a
 * key missing from another catalog shows.
 * @type {{code: string, name: string, match: string[], catalog: Record<string, unknown>}[]}
 */
export const LOCALES = [
  { code: 'zh-CN', name: '中文', match: ['zh'], catalog: zhCN },
  { code: 'en', name: 'English', match: ['en'], catalog: en },
];

/** For a browser whose languages none serves: English, read more widely than Chinese. */
export const OTHERWISE = 'en';
