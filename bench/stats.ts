// The arithmetic every benchmark shares: a figure is the median of repeated runs with its min and
// max, and a comparison runs A and B alternately (A B, B A, A B …) so drift on a noisy machine
// falls on both sides alike, then reports the median of the per-pair ratios.

export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function figureOf(values: readonly number[]): Figure {
  if (values.length === 0) throw new Error('a figure needs at least one run');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!), runs: values.length };
}

/** Three significant decimals are more than these machines can tell apart. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export interface Comparison {
  a: Figure;
  b: Figure;
  /** b / a per pair: how many times longer B took (or A was faster). */
  ratio: Figure;
}

/**
 * Times `a` and `b` alternately for `pairs` pairs after `warmup` unrecorded pairs. Each function
 * returns the milliseconds it measured itself, so set-up and clean-up stay out of the figure.
 */
export async function alternate(a: () => Promise<number>, b: () => Promise<number>, pairs: number, warmup = 1): Promise<Comparison> {
  const aTimes: number[] = [];
  const bTimes: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < warmup + pairs; i += 1) {
    let aMs: number;
    let bMs: number;
    if (i % 2 === 0) {
      aMs = await a();
      bMs = await b();
    } else {
      bMs = await b();
      aMs = await a();
    }
    if (i < warmup) continue;
    aTimes.push(aMs);
    bTimes.push(bMs);
    ratios.push(bMs / aMs);
  }
  return { a: figureOf(aTimes), b: figureOf(bTimes), ratio: figureOf(ratios) };
}

/** Times `run` `times` times after `warmup` unrecorded runs; `run` returns its own milliseconds. */
export async function repeat(run: () => Promise<number>, times: number, warmup = 1): Promise<Figure> {
  const values: number[] = [];
  for (let i = 0; i < warmup + times; i += 1) {
    const ms = await run();
    if (i >= warmup) values.push(ms);
  }
  return figureOf(values);
}

/** The figure as the table shows it: "12.3 ms (11.9–14.0)". */
export function shown(figure: Figure, unit = 'ms'): string {
  const f = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  return `${f(figure.median)} ${unit} (${f(figure.min)}–${f(figure.max)})`;
}
