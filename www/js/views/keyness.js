// How a keyness measure (the core's log-likelihood and Log Ratio, as the
// DISTINCTIVE and KEYNESS queries give them) is shown: a word with stars for
// its significance, its figures in a title and in table cells, and the short
// help that says what the figures mean. Shared by the sections and compare views.

import { h } from '../dom.js';

export const TEXT = {
  help: '怎么算的',
  helpLl: '对数似然值（LL）：这个词在这一部分和其余部分的出现频率差得有多明显——假设两边其实一样，看到这么大差别的可能性有多小。LL 越大越可信：3.84 对应 p < 0.05，6.63 对应 p < 0.01，10.83 对应 p < 0.001，15.13 对应 p < 0.0001（星号 * 到 ****）。',
  helpRatio: 'Log Ratio：两边每万词出现次数之比取以 2 为底的对数，说差别有多大：1 表示多一倍，2 表示四倍，负数表示更少。LL 说差别是否可信，Log Ratio 说差别有多大；词少的部分，差别要更大才算得上显著。',
  p: (p) => (p === null || p === undefined ? '不显著' : `p < ${p}`),
};

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
export const describe = (k) => `LL ${formatLl(k.logLikelihood)}，Log Ratio ${formatRatio(k.logRatio)}，${TEXT.p(k.p)}`;

/** A word of a keyness list as a link to it, with its stars; `muted`: a word used less. */
export function keyWord(k, { muted = false, side } = {}) {
  return h('button', {
    type: 'button',
    className: muted ? 'key-word is-less' : 'key-word',
    'data-word': k.word,
    'data-side': side,
    title: `${k.word}：${describe(k)}`,
  }, k.word, stars(k.p) ? h('span', { className: 'key-stars', 'aria-label': TEXT.p(k.p) }, stars(k.p)) : null);
}

/** The help: what log-likelihood and Log Ratio mean. */
export function keynessHelp() {
  return h('details', { className: 'keyness-help' },
    h('summary', {}, TEXT.help),
    h('p', {}, TEXT.helpLl),
    h('p', {}, TEXT.helpRatio));
}

/** The figures of a keyness entry for an export row: LL, Log Ratio, p. */
export const exportFigures = (k) => [round(k.logLikelihood, 2), Number.isFinite(k.logRatio) ? round(k.logRatio, 3) : (k.logRatio ?? ''), k.p ?? ''];

const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Asks a whole-text query (SECTIONS, DISTINCTIVE, KEYNESS): a new scope
 * gives the document a new id while the question is on its way, and the
 * client then calls the answer stale; the whole text's answer is the same,
 * so it is asked again (a few times: a new text keeps changing the id).
 */
export async function askWholeText(client, query, ...args) {
  for (let attempt = 0; ; attempt++) {
    const answer = await client.query(query, ...args);
    if (!answer?.stale || attempt === 3) return answer;
  }
}
