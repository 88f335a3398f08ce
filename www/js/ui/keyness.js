// How a keyness measure (the core's log-likelihood and Log Ratio, as the
// DISTINCTIVE and KEYNESS queries give them) is shown: a word with stars for
// its significance, its figures in a title and in table cells, and the short
// help that says what the figures mean. Shared by the sections and compare views.

import { h } from '../dom.js';
import { wordLabel, wordSaid } from '../charts/word-label.js';
import { hText, t, texts } from '../i18n.js';

// The strings: the catalogs' keyness.* entries (js/messages/).
export const TEXT = texts('keyness');

const decimals = (digits) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const one = decimals(1);
const two = decimals(2);

/** Stars for a p threshold: * p < 0.05 … **** p < 0.0001; none when not significant. */
export function stars(p) {
  return { 0.05: '*', 0.01: '**', 0.001: '***', 0.0001: '****' }[p] ?? '';
}

export const formatLl = (value) => one.format(value);
export const formatRatio = (value) => (value === null || value === undefined ? '—' : Number.isFinite(value) ? `${value > 0 ? '+' : ''}${two.format(value)}` : value > 0 ? '+∞' : '−∞');

/** The figures of one keyness entry, as a line (a title, a CSV cell). */
export const describe = (k) => t('keyness.describe', formatLl(k.logLikelihood), formatRatio(k.logRatio), TEXT.p(k.p));

/**
 * A word of a keyness list as a link to it, with its stars; `muted`: a word used less.
 * @param {any} k
 * @param {{muted?: boolean, side?: string}} [how]
 */
export function keyWord(k, { muted = false, side = undefined } = {}) {
  return h('button', {
    type: 'button',
    className: muted ? 'key-word is-less' : 'key-word',
    'data-word': k.word,
    'data-side': side,
    title: t('keyness.title', wordSaid(k.word), describe(k)),
  }, wordLabel(k.word), stars(k.p) ? h('span', { className: 'key-stars', 'aria-label': TEXT.p(k.p) }, stars(k.p)) : null);
}

/** The help: what log-likelihood and Log Ratio mean. */
export function keynessHelp() {
  return h('details', { className: 'keyness-help' },
    hText('summary', 'keyness.help'),
    hText('p', 'keyness.helpLl'),
    hText('p', 'keyness.helpRatio'));
}

/** The figures of a keyness entry for an export row: LL, Log Ratio, p. */
export const exportFigures = (k) => [round(k.logLikelihood, 2), Number.isFinite(k.logRatio) ? round(k.logRatio, 3) : (k.logRatio ?? ''), k.p ?? ''];

const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;
