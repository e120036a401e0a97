// The two review examples shipped in data/examples/, built from the support topics:
//   annotation_sample.csv  36 answers of one support assistant to annotate (dataset_id, query,
//                          actual_output, expected_output, evaluation_name, judgment, critique,
//                          user_tags); a quarter already carry an annotation
//   caliber_hq.csv         24 answers to label 1/0 when calibrating an LLM judge in CaliberHQ
//                          (dataset_id, query, actual_output, expected_output, evaluation_name)
// Each answer is written to one of a fixed mix of flaws (faithful, incomplete, a made-up claim,
// off-topic, ...) so both files have clear accepts, clear rejects and borderline cases.
// The topics are split between the two files by a seeded shuffle; nothing depends on
// Math.random or the clock, so the output is the same on every run.
import { csvLine, mulberry32 } from './csv_util.mjs';
import { topics } from './support_topics.mjs';

const ANNOTATION_CASES = 36;
const CALIBER_CASES = 24;

// Fisher-Yates with the given PRNG; returns a new array.
function shuffled(items, rand) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// {variant: count, ...} as a list of variant names in a seeded order.
function variantMix(counts, rand) {
  return shuffled(Object.entries(counts).flatMap(([name, n]) => Array(n).fill(name)), rand);
}

const caseId = (prefix, i) => `${prefix}_${String(i + 1).padStart(3, '0')}`;
const sentencesOf = (topic) => topic[1].split(/(?<=\.) /);
const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// Another topic whose answer comes from a different help-center article: the off-topic reply.
function unrelated(topic) {
  let i = (topics.indexOf(topic) + 17) % topics.length;
  while (topics[i][3] === topic[3]) i = (i + 1) % topics.length;
  return topics[i];
}

// Splits the first sentence of a "How do I" answer into steps at its commas.
function steps(sentence) {
  return sentence.replace(/\.$/, '').split(/, (?:and |then )?/).map((s) => capitalize(s));
}

// --- annotation_sample.csv -------------------------------------------------------------------

// How the assistant lays out an answer: markdown, so the studio's rendering gets exercised.
const LAYOUTS = {
  plain: (topic, parts) => parts.join(' '),
  bullets: (topic, parts) => `Here is what you need to know:\n\n${parts.map((p) => `- ${p}`).join('\n')}`,
  lead: (topic, parts) => [`**${parts[0]}**`, ...parts.slice(1)].join('\n\n'),
  article: (topic, parts) => `### ${topic[3]}\n\n${parts[0]}${parts.length > 1 ? `\n\n> ${parts.slice(1).join(' ')}` : ''}`,
  steps: (topic, parts) => {
    const own = /^How do I /.test(topic[0]) && parts[0] === sentencesOf(topic)[0];
    if (!own || !parts[0].includes(', ')) return parts.join(' ');
    const list = steps(parts[0]).map((s, k) => `${k + 1}. ${s}`).join('\n');
    return [`Follow these steps:\n\n${list}`, ...parts.slice(1)].join('\n\n');
  },
};

const API_SNIPPET = '```bash\ncurl -H "Authorization: Bearer $BRIGHTDESK_TOKEN" \\\n' +
  '  https://api.brightdesk.io/v1/tickets?per_page=50\n```';

// The sentences of each kind of answer, before layout. A verbose answer is a faithful one
// wrapped in filler paragraphs.
const ANNOTATION_VARIANTS = {
  faithful: (topic) => sentencesOf(topic),
  incomplete: (topic) => sentencesOf(topic).slice(0, 1),
  hallucination: (topic) => [...sentencesOf(topic), topic[2]],
  off_topic: (topic) => sentencesOf(unrelated(topic)),
  verbose: (topic) => sentencesOf(topic),
};
const FILLER_BEFORE = 'Thanks so much for reaching out, and great question! Brightdesk is built to make support ' +
  'teams faster, and we are always happy to explain how things work.';
const FILLER_AFTER = 'If you have any other questions at all, our friendly support team is here for you around the clock.';
const ANNOTATION_MIX = { faithful: 14, incomplete: 7, hallucination: 6, off_topic: 4, verbose: 5 };

// The annotation a reviewer already left on some cases: judgment (accept/reject or a 2-5
// rating), critique and tags from the studio's preset list.
const PRIOR = {
  faithful: (topic) => ['accept', `Correct and complete; matches the "${topic[3]}" article.`, ['accurate', 'helpful']],
  incomplete: (topic) => ['3', `Correct but leaves out: ${sentencesOf(topic)[1]}`, ['incomplete']],
  hallucination: (topic) => ['reject', `Adds a false claim: "${topic[2]}"`, ['hallucination']],
  off_topic: (topic) => ['reject', `Answers a different question ("${unrelated(topic)[0]}").`, ['off-topic']],
  verbose: () => ['4', 'Right content, but the filler before and after it should be cut.', ['verbose', 'accurate']],
};
const ANNOTATED = 9;

function annotationSampleCsv(sample) {
  const rand = mulberry32(20240612);
  const variants = variantMix(ANNOTATION_MIX, rand);
  const annotated = new Set(shuffled([...sample.keys()], rand).slice(0, ANNOTATED));
  const layouts = Object.keys(LAYOUTS);
  const lines = [csvLine(['dataset_id', 'query', 'actual_output', 'expected_output', 'evaluation_name',
    'judgment', 'critique', 'user_tags'])];
  sample.forEach((topic, i) => {
    const variant = variants[i];
    let output = LAYOUTS[layouts[Math.floor(rand() * layouts.length)]](topic, ANNOTATION_VARIANTS[variant](topic));
    if (topic[3] === 'Developer docs' && variant !== 'off_topic') output += `\n\nFor example:\n\n${API_SNIPPET}`;
    if (variant === 'verbose') output = `${FILLER_BEFORE}\n\n${output}\n\n${FILLER_AFTER}`;
    const [judgment, critique, tags] = annotated.has(i) ? PRIOR[variant](topic) : ['', '', null];
    lines.push(csvLine([caseId('ann', i), topic[0], output, topic[1], 'Brightdesk Assistant',
      judgment, critique, tags ? JSON.stringify(tags) : '']));
  });
  return lines.join('');
}

// --- caliber_hq.csv --------------------------------------------------------------------------

// Plain chat replies; the expected output is the key fact (the reference's first sentence).
const CALIBER_VARIANTS = {
  faithful: (topic) => topic[1],
  key_fact: (topic) => sentencesOf(topic)[0],
  hallucination: (topic) => `${topic[1]} ${topic[2]}`,
  contradiction: (topic) => `${topic[2]} Let me know if you need anything else.`,
  off_topic: (topic) => unrelated(topic)[1],
  evasive: (topic) => 'I am not completely sure about that one. It may depend on your plan, so please check ' +
    `the "${topic[3]}" section of the help center or contact our support team.`,
};
const CALIBER_MIX = { faithful: 7, key_fact: 4, hallucination: 5, contradiction: 3, off_topic: 2, evasive: 3 };

function caliberHqCsv(sample) {
  const variants = variantMix(CALIBER_MIX, mulberry32(20240613));
  const lines = [csvLine(['dataset_id', 'query', 'actual_output', 'expected_output', 'evaluation_name'])];
  sample.forEach((topic, i) => {
    lines.push(csvLine([caseId('align', i), topic[0], CALIBER_VARIANTS[variants[i]](topic),
      sentencesOf(topic)[0], 'support_calibration']));
  });
  return lines.join('');
}

// File name -> CSV text. The two files get disjoint topics, in a seeded order.
export function reviewExamples() {
  const order = shuffled(topics, mulberry32(20240614));
  return {
    'annotation_sample.csv': annotationSampleCsv(order.slice(0, ANNOTATION_CASES)),
    'caliber_hq.csv': caliberHqCsv(order.slice(ANNOTATION_CASES, ANNOTATION_CASES + CALIBER_CASES)),
  };
}
