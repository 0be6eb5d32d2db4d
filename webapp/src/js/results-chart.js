// Results as bar charts: the pure geometry (scale, ticks, bar lengths, percentages) behind the SVG
// the results page draws. Unit-tested in test/results-chart.test.js.

/** The smallest 1, 2 or 5 × 10^k at or above max (at least 1), so the axis ends on a round number. */
export function niceMax(max) {
  const m = Number(max);
  if (!Number.isFinite(m) || m <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(m));
  for (const f of [1, 2, 5, 10]) if (f * p >= m) return f * p;
  return 10 * p;
}

/** Evenly spaced whole-number ticks from 0 to niceMax(max), at most `count` + 1 of them. */
export function ticks(max, count = 5) {
  const top = niceMax(max);
  let step = Math.max(1, top / count);
  if (!Number.isInteger(step)) step = Math.ceil(step);
  const out = [];
  for (let v = 0; v <= top; v += step) out.push(v);
  if (out[out.length - 1] !== top) out.push(top);
  return out;
}

/** votes/total as a percentage with one decimal (0 when nobody voted). */
export function percent(votes, total) {
  const t = Number(total);
  if (!t || t <= 0) return 0;
  return Math.round((Number(votes) / t) * 1000) / 10;
}

/**
 * Layout of a horizontal bar chart: label column on the left, bars scaled to niceMax(largest count).
 * options: [{id, votes}]; total: what percentages are of (the contest's ballots).
 * → {width, height, plotX, plotWidth, max, ticks:[{value, x}], bars:[{id, votes, percent, y, width, height, labelY}]}
 */
export function chartLayout(options, total, { width = 640, labelWidth = 200, barHeight = 28, gap = 14, top = 8, axis = 28 } = {}) {
  const largest = Math.max(0, ...options.map(o => Number(o.votes) || 0));
  const max = niceMax(largest);
  const plotX = labelWidth;
  const plotWidth = Math.max(1, width - labelWidth - 90); // room on the right for "123 (45.6%)"
  const scale = v => (Math.max(0, Number(v) || 0) / max) * plotWidth;
  const bars = options.map((o, i) => {
    const y = top + i * (barHeight + gap);
    return { id: o.id, votes: Number(o.votes) || 0, percent: percent(o.votes, total), y, width: scale(o.votes), height: barHeight, labelY: y + barHeight / 2 };
  });
  const height = top + options.length * (barHeight + gap) + axis;
  return { width, height, plotX, plotWidth, max, ticks: ticks(largest).map(value => ({ value, x: plotX + scale(value) })), bars };
}

/** Options sorted by votes, most first (ties keep ballot order); the table lists them in this order. */
export function byVotes(options) {
  return options.map((o, i) => ({ o, i })).sort((a, b) => (b.o.votes - a.o.votes) || (a.i - b.i)).map(x => x.o);
}
