// Number formatting in the reader's convention (zh-CN: 8,354; 0.097; en writes them alike).

import { t } from './i18n.js';

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const weight = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const percent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 0 });

export const formatInteger = (n) => integer.format(n);

/** Keyword weights: TF-IDF weights are small (0.097), TextRank's best is 1.000. */
export const formatWeight = (w) => weight.format(w);

export const formatPercent = (fraction) => percent.format(fraction);

/** Durations under a second in whole milliseconds, longer ones in seconds. */
export function formatMillis(ms) {
  if (ms < 1000) return t('format.ms', integer.format(Math.max(1, Math.round(ms))));
  return t('format.s', new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(ms / 1000));
}
