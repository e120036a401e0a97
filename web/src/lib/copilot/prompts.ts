import { columnNames } from '../evaluate/datasets';
import type { Dataset } from '../evaluate/types';

/** The facts about the page's dataset the prompts name. */
export interface PromptData {
  name: string;
  rows: number;
  columns: string[];
}

export function promptData(dataset: Dataset | null | undefined): PromptData | null {
  if (!dataset) return null;
  return { name: dataset.name, rows: dataset.row_count, columns: columnNames(dataset.columns) };
}

type PageKey = 'evaluate' | 'monitoring' | 'signals' | 'production' | 'annotation' | 'caliber' | 'memory' | 'replay' | 'other';

export function pageKey(pathname: string): PageKey {
  const first = pathname.split('/')[1] ?? '';
  const map: Record<string, PageKey> = {
    evaluate: 'evaluate',
    monitoring: 'monitoring',
    'human-signals': 'signals',
    production: 'production',
    'annotation-studio': 'annotation',
    'caliber-hq': 'caliber',
    memory: 'memory',
    'agent-replay': 'replay',
  };
  return map[first] ?? 'other';
}

const has = (d: PromptData | null, column: string) => !!d && d.columns.includes(column);

/** "the 280 rows of Example Model", or a plain phrase without data. */
function subject(d: PromptData | null, fallback: string): string {
  return d ? `the ${d.rows.toLocaleString('en-US')} rows of ${d.name}` : fallback;
}

/** Four questions worth asking on this page, naming its dataset when there is one. */
export function suggestedPrompts(pathname: string, data: PromptData | null): string[] {
  const about = (fallback: string) => subject(data, fallback);
  switch (pageKey(pathname)) {
    case 'evaluate':
      return [
        `Which metrics score lowest in ${about('this evaluation')}, and why?`,
        has(data, 'evaluation_name')
          ? `Compare the experiments in ${data!.name}: which one wins, and on which metrics?`
          : `How spread out are the scores in ${about('this evaluation')}?`,
        `What do the lowest-scoring cases in ${data?.name ?? 'this evaluation'} have in common?`,
        'Which component pulls the overall score down the most?',
      ];
    case 'monitoring':
      return [
        `Which metrics in ${about('the monitoring data')} fall below the 0.7 threshold most often?`,
        'Did scores drop recently? When did the trend change?',
        `What do the failing outputs in ${data?.name ?? 'the monitoring data'} have in common?`,
        has(data, 'latency') ? 'Are slow responses also the low-scoring ones?' : has(data, 'source_name') ? 'Which source has the worst pass rate?' : 'Which alerts should I look at first?',
      ];
    case 'signals':
      return [
        `Summarise ${about('the human signals')}: what do reviewers flag most?`,
        'Which sources escalate to a human most often?',
        'What feature requests come up again and again?',
        'How did the resolution rate change over the last weeks?',
      ];
    case 'production':
      return [
        'Give me an executive summary of this agent’s quality this week.',
        'Which KPI moved the most, and in which direction?',
        'Which quality metrics are in the Critical band?',
        'What do human reviewers say about this agent?',
      ];
    case 'annotation':
      return [
        `What should I look for when labelling ${about('these records')}?`,
        'Suggest a short rubric for Accept and Reject on these outputs.',
        'Which tags would separate the failure modes here?',
        'How many records do I need to label for a reliable estimate?',
      ];
    case 'caliber':
      return [
        'How do I read Cohen’s kappa for my judge?',
        'Is my judge too lenient or too strict, and how do I fix the prompt?',
        'Write evaluation criteria from my Reject notes.',
        'Which few-shot examples would help the judge most?',
      ];
    case 'memory':
      return ['Which rules contradict each other?', 'Which risk factors lead to a hard stop?', 'Summarise the decline rules by product.', 'Which rules have no mitigant?'];
    case 'replay':
      return ['Where did this trace go wrong?', 'Which step took the longest, and why?', 'Which tool calls failed?', 'What should the expected output have been?'];
    default:
      return [
        'What can I evaluate with AXIS, and where do I start?',
        'How do offline evaluation and production monitoring differ?',
        'Which metrics suit a retrieval-augmented (RAG) agent?',
        'How do I calibrate an LLM judge against human labels?',
      ];
  }
}
