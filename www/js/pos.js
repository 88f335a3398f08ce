// Names of jieba's part-of-speech tags (the ICTCLAS tag set it uses), in
// the page's language: the catalogs' pos.<tag> entries.

import { has, t } from './i18n.js';

/** '名词' for 'n'; an unknown tag is shown as itself. */
export const posName = (tag) => (has(`pos.${tag}`) ? t(`pos.${tag}`) : tag);

/** 'n 名词' — the tag and its name, as shown in the table and the filter. */
export const posLabel = (tag) => (has(`pos.${tag}`) ? `${tag} ${t(`pos.${tag}`)}` : tag);
