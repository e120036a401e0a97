// Writes the example datasets shipped in data/examples/:
//   example_model.csv             60 support cases scored by one model (tree format)
//   example_model_comparison.csv  the same 60 cases under three models
//   annotation_sample.csv         36 answers to annotate, caliber_hq.csv 24 answers for judge
//                                 calibration (both from review_examples.mjs)
// Deterministic (seeded PRNG): running it again reproduces the committed files byte for byte.
//
//   node bench/gen/examples.mjs [output-dir]     (default: <repo>/data/examples)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvLine, mulberry32, normal } from './csv_util.mjs';
import { reviewExamples } from './review_examples.mjs';
import { topics } from './support_topics.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'data/examples'));

const COLUMNS = ['dataset_id', 'query', 'actual_output', 'expected_output', 'evaluation_name',
  'metric_name', 'metric_score', 'metric_type', 'parent', 'weight', 'explanation', 'critique'];

// Root, then each component followed by its leaf metrics. Leaf weights are relative to siblings.
const TREE = [
  { name: 'Overall Quality', type: 'component', parent: '', weight: 1 },
  { name: 'Answer Quality', type: 'component', parent: 'Overall Quality', weight: 0.5 },
  { name: 'faithfulness', type: 'metric', parent: 'Answer Quality', weight: 0.45 },
  { name: 'relevance', type: 'metric', parent: 'Answer Quality', weight: 0.3 },
  { name: 'completeness', type: 'metric', parent: 'Answer Quality', weight: 0.25 },
  { name: 'Retrieval', type: 'component', parent: 'Overall Quality', weight: 0.3 },
  { name: 'context_precision', type: 'metric', parent: 'Retrieval', weight: 0.6 },
  { name: 'context_recall', type: 'metric', parent: 'Retrieval', weight: 0.4 },
  { name: 'Safety', type: 'component', parent: 'Overall Quality', weight: 0.2 },
  { name: 'toxicity', type: 'metric', parent: 'Safety', weight: 0.5 },
  { name: 'pii_protection', type: 'metric', parent: 'Safety', weight: 0.3 },
  { name: 'policy_compliance', type: 'metric', parent: 'Safety', weight: 0.2 },
];

// Per model: mean and spread of each answer metric, and how safe it is (mean of safety scores).
// Retrieval is the same pipeline for every model, so its scores barely depend on the model.
const MODELS = [
  { name: 'gpt-4o', answer: { faithfulness: [0.88, 0.07], relevance: [0.86, 0.08], completeness: [0.8, 0.1] },
    retrievalShift: 0, safety: 0.97, hardPenalty: 0.5, bullets: true },
  { name: 'claude-sonnet', answer: { faithfulness: [0.75, 0.09], relevance: [0.87, 0.07], completeness: [0.86, 0.08] },
    retrievalShift: 0, safety: 0.98, hardPenalty: 0.5, opener: 'Happy to help! ', closer: ' Let me know if anything else comes up.' },
  { name: 'llama-3-70b', answer: { faithfulness: [0.71, 0.14], relevance: [0.76, 0.13], completeness: [0.68, 0.15] },
    retrievalShift: -0.04, safety: 0.9, hardPenalty: 0.6, opener: 'Sure. ', closer: ' I hope this helps!' },
];

const round = (x, digits) => Number(x.toFixed(digits));
const clip = (x) => Math.min(1, Math.max(0, x));

// Scores of every leaf metric for every (case, model): answer metrics share a per-case
// difficulty, retrieval metrics share a per-case retrieval quality across models. About one
// case in seven is hard (retrieval misses, answers suffer, each model by its hardPenalty), so
// some cases fail and the models disagree on them.
function leafScores(rand) {
  return topics.map(() => {
    const difficulty = normal(rand);
    const retrieval = normal(rand);
    const hard = rand() < 0.15;
    return MODELS.map((m) => {
      const s = {};
      const penalty = hard ? m.hardPenalty : 0;
      for (const [metric, [mean, sd]] of Object.entries(m.answer)) {
        s[metric] = round(clip(mean - penalty - 0.04 * difficulty + sd * normal(rand)), 2);
      }
      const missed = hard ? 0.45 : 0;
      s.context_precision = round(clip(0.76 - missed + m.retrievalShift - 0.1 * retrieval + 0.03 * normal(rand)), 2);
      s.context_recall = round(clip(0.71 - missed + m.retrievalShift - 0.12 * retrieval + 0.04 * normal(rand)), 2);
      for (const metric of ['toxicity', 'pii_protection', 'policy_compliance']) {
        const miss = -Math.log(1 - rand()) * (1 - m.safety) * (metric === 'policy_compliance' ? 2.5 : 1);
        s[metric] = round(clip(1 - miss), 2);
      }
      return s;
    });
  });
}

// Component scores: weighted mean of the children, bottom-up.
function withComponents(leaves) {
  const scores = { ...leaves };
  for (const node of [...TREE].reverse()) {
    if (node.type !== 'component') continue;
    const kids = TREE.filter((n) => n.parent === node.name);
    const total = kids.reduce((sum, k) => sum + k.weight, 0);
    scores[node.name] = round(kids.reduce((sum, k) => sum + scores[k.name] * k.weight, 0) / total, 4);
  }
  return scores;
}

// The model's answer, consistent with its scores: incomplete answers keep only the key fact,
// irrelevant ones open with filler, unfaithful ones add the topic's wrong claim.
function answerText(topic, model, s) {
  const [, reference, wrongClaim] = topic;
  const sentences = reference.split(/(?<=\.) /);
  if (s.completeness < 0.8) sentences.length = 1;
  if (s.relevance < 0.6) sentences.unshift('Brightdesk offers many tools for support teams of every size.');
  if (s.faithfulness < 0.6) sentences.push(wrongClaim);
  if (model.bullets) return `Here is what to know:\n${sentences.map((x) => `- ${x}`).join('\n')}`;
  return `${model.opener}${sentences.join(' ')}${model.closer}`;
}

const band = (x) => (x >= 0.8 ? 0 : x >= 0.5 ? 1 : 2);
const EXPLAIN = {
  faithfulness: (t) => [`Every claim is supported by the retrieved "${t[3]}" article.`,
    `Mostly grounded in "${t[3]}"; one detail is not stated in the retrieved context.`,
    `Contains an unsupported claim: "${t[2]}"`],
  relevance: () => ['Answers the question directly.', 'Answers the question but with some off-topic content.',
    'Largely off-topic before reaching the actual question.'],
  completeness: () => ['Covers all points of the reference answer.', 'Covers the main point but omits a secondary detail.',
    'Omits most of the information in the reference answer.'],
  context_precision: (t) => [`Top-ranked chunks come from the relevant "${t[3]}" article.`,
    'Relevant chunks are present but ranked below unrelated ones.', 'Most retrieved chunks are unrelated to the question.'],
  context_recall: () => ['Retrieved context contains every fact needed for the reference answer.',
    'Retrieved context is missing one fact from the reference answer.', 'Retrieved context lacks most of the required facts.'],
  toxicity: () => ['No toxic or disrespectful language (1.0 = clean).', 'Slightly curt tone in one sentence.',
    'Dismissive tone towards the customer.'],
  pii_protection: () => ['No personal data exposed.', 'Mentions account details that were not needed.',
    'Repeats personal data from the conversation.'],
  policy_compliance: () => ['Follows the support policy.', 'Makes a commitment the policy does not allow.',
    'Contradicts the published support policy.'],
};

function explanation(node, topic, score) {
  if (node.type === 'component') {
    const kids = TREE.filter((n) => n.parent === node.name).map((n) => n.name);
    return `Weighted mean of ${kids.join(', ')}.`;
  }
  return EXPLAIN[node.name](topic)[band(score)];
}

function critique(scores) {
  const overall = scores['Overall Quality'];
  if (overall >= 0.9) return 'Clear, grounded answer; ready to send.';
  if (overall >= 0.7) return '';
  const weak = TREE.filter((n) => n.type === 'metric' && scores[n.name] < 0.6).map((n) => n.name);
  return weak.length ? `Needs review: weak ${weak.join(', ')}.` : 'Needs review: below the quality bar.';
}

function rowsFor(models, allScores) {
  const lines = [csvLine(COLUMNS)];
  topics.forEach((topic, i) => {
    const id = `support_${String(i + 1).padStart(3, '0')}`;
    for (const m of models) {
      const scores = withComponents(allScores[i][MODELS.indexOf(m)]);
      const output = answerText(topic, m, scores);
      for (const node of TREE) {
        const score = scores[node.name];
        lines.push(csvLine([id, topic[0], output, topic[1], m.name, node.name, score, node.type,
          node.parent, node.weight, explanation(node, topic, score),
          node.parent === '' ? critique(scores) : '']));
      }
    }
  });
  return lines.join('');
}

// Welch two-sided p-value (normal approximation; df > 100 here) used to check the fixture's
// promise: faithfulness differs between the first two models, context_precision does not.
function welchP(a, b) {
  const stats = (xs) => {
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
    return [mean, variance, xs.length];
  };
  const [ma, va, na] = stats(a);
  const [mb, vb, nb] = stats(b);
  const z = Math.abs(ma - mb) / Math.sqrt(va / na + vb / nb);
  const t = 1 / (1 + 0.2316419 * z);
  const tail = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) *
    t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 2 * tail;
}

const scores = leafScores(mulberry32(20240611));
const column = (model, metric) => scores.map((c) => c[model][metric]);
const pFaith = welchP(column(0, 'faithfulness'), column(1, 'faithfulness'));
const pPrecision = welchP(column(0, 'context_precision'), column(1, 'context_precision'));
if (!(pFaith < 0.01 && pPrecision > 0.2)) {
  throw new Error(`fixture contract broken: p(faithfulness)=${pFaith}, p(context_precision)=${pPrecision}`);
}

mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'example_model.csv'), rowsFor([MODELS[0]], scores));
writeFileSync(path.join(outDir, 'example_model_comparison.csv'), rowsFor(MODELS, scores));
const review = reviewExamples();
for (const [name, text] of Object.entries(review)) writeFileSync(path.join(outDir, name), text);
console.log(`wrote ${outDir}/example_model.csv, example_model_comparison.csv, ${Object.keys(review).join(', ')} ` +
  `(Welch p: faithfulness ${pFaith.toExponential(2)}, context_precision ${pPrecision.toFixed(2)})`);
