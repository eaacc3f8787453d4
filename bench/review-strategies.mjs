// Scoring units from precomputed features, and the ways of choosing a review round
// that bench/review-simulation.mjs compares. Each strategy: (model, remaining archive
// units, context) -> the units to review. "queue*" strategies call the library's
// reviewQueue; the others are candidates tried on the simulation's dev folds.
import { createHash } from 'node:crypto';
import { createClassifier, createPracticeGate, fuseTheme, reviewQueue } from '../dist/index.js';

/** Per unit: the fused theme scores, themes tagged and the gate's practice probability. */
export function scoreUnits(model, list, { features, ruleScores, labels }) {
  const classifier = createClassifier(model);
  const gate = createPracticeGate(model);
  return list.map((u) => {
    const f = features.get(u.text);
    const p = classifier.predict(f, { topK: 0 });
    const practice = gate ? gate.practice(f) : undefined;
    const g = gate ? { practice, threshold: gate.threshold } : undefined;
    const scores = {};
    for (const t of labels) scores[t] = fuseTheme(ruleScores.get(u.text)[t] ?? 0, { probability: p[t].probability, threshold: model.thresholds[t] }, 'fused', g);
    return { scores, themes: labels.filter((t) => scores[t].tagged), practice, gateThreshold: gate?.threshold };
  });
}

// Archive units as the queue's documents: one "sentence" per unit, grouped by page.
function asDocuments(model, remaining, ctx) {
  const scored = scoreUnits(model, remaining, ctx);
  const pages = new Map();
  remaining.forEach((u, i) => {
    const list = pages.get(u.group) ?? pages.set(u.group, []).get(u.group);
    const s = scored[i];
    list.push({ index: list.length, block: 0, start: 0, end: u.text.length, text: u.text, themes: s.themes, scores: s.scores, evidence: [], ...(s.practice === undefined ? {} : { practice: s.practice }), unit: u });
  });
  return [...pages].map(([id, sentences]) => ({ id, result: { sentences } }));
}

/** `options`: reviewQueue's options, or a function of the scored documents that returns them. */
function libraryQueue(options = {}) {
  return (model, remaining, ctx) => {
    const documents = asDocuments(model, remaining, ctx);
    const byPassage = new Map(documents.flatMap((d) => d.result.sentences.map((s) => [`${d.id}#${s.index}`, s.unit])));
    const { withGate, ...rest } = typeof options === 'function' ? options(documents, ctx) : options;
    const gate = withGate && model.gate ? { gateThreshold: model.gate.threshold } : {};
    return reviewQueue(documents, { size: ctx.size, ...gate, ...rest }).map((p) => byPassage.get(p.passage));
  };
}

/** The queue with rarer themes weighing more: (floor / rate)^power, rate = share of archive units tagged with the theme now. */
function rareThemeQueue(power = 0.5, floor = 0.02) {
  return libraryQueue((documents, ctx) => {
    const units = documents.flatMap((d) => d.result.sentences);
    const weights = {};
    for (const t of ctx.labels) {
      const rate = Math.max(floor, units.filter((s) => s.themes.includes(t)).length / Math.max(1, units.length));
      weights[t] = (floor / rate) ** power;
    }
    const top = Math.max(...Object.values(weights));
    for (const t of ctx.labels) weights[t] /= top;
    return { themeWeights: weights };
  });
}

/** A round drawn at random from the queue's top (factor x round size) passages: the queue's choice, less redundant. */
function queuePool(factor) {
  return (model, remaining, ctx) => randomPick(libraryQueue()(model, remaining, { ...ctx, size: ctx.size * factor }), ctx.size, ctx.seed);
}

function randomPick(remaining, size, seed) {
  return remaining
    .map((u) => [createHash('sha256').update(`strategy:${seed}:${u.id}`).digest('hex'), u])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .slice(0, size)
    .map(([, u]) => u);
}

/** Half the round from a strategy, half at random from the rest (exploration keeps the sample representative). */
function hybrid(strategy, share = 0.5) {
  return (model, remaining, ctx) => {
    const n = Math.round(ctx.size * share);
    const picked = strategy(model, remaining, { ...ctx, size: n });
    const ids = new Set(picked.map((u) => u.id));
    return [...picked, ...randomPick(remaining.filter((u) => !ids.has(u.id)), ctx.size - n, ctx.seed)];
  };
}

export const STRATEGIES = {
  // The library's queue as the CLI runs it.
  queue: libraryQueue(),
  // Without the rules/model disagreement term.
  'queue-uncertainty': libraryQueue({ disagreementWeight: 0 }),
  // Uncertainty over all themes (1 - prod(1 - u)) instead of the nearest theme alone.
  'queue-all': libraryQueue({ combine: 'all' }),
  // The practice gate's uncertainty too.
  'queue-gate': libraryQueue({ withGate: true }),
  'queue-all-gate': libraryQueue({ combine: 'all', withGate: true }),
  // At most one passage per page in a round.
  'queue-one-per-page': libraryQueue({ maxPerDocument: 1 }),
  // Rarer themes' uncertainty weighs more (macro-F1 counts each theme alike).
  'queue-rare': rareThemeQueue(0.5),
  'queue-rare-1': rareThemeQueue(1),
  // A random round from the queue's top 2x or 4x.
  'queue-pool2': queuePool(2),
  'queue-pool4': queuePool(4),
  'hybrid-half': hybrid(libraryQueue()),
  'hybrid-all-gate-half': hybrid(libraryQueue({ combine: 'all', withGate: true })),
};
