/**
 * The Learn page's Interactive Walkthrough: five evaluation scenarios, each a short sequence of
 * steps played at STEP_MS per step. A step names who acts, what happens and the data at that point.
 */
export const STEP_MS = 2000;

export type Actor = 'user' | 'agent' | 'tool' | 'metric' | 'judge';

export interface WalkStep {
  title: string;
  actor: Actor;
  detail: string;
  /** The example values at this step, shown as a small table. */
  data: Record<string, string>;
}

export interface Scenario {
  id: string;
  label: string;
  summary: string;
  steps: WalkStep[];
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'single-turn',
    label: 'Single turn',
    summary: 'One question, one answer, scored without a reference answer.',
    steps: [
      { title: 'A test case is read', actor: 'user', detail: 'The dataset row gives the input the agent will receive.', data: { dataset_id: 'case-014', query: 'What is the notice period for cancelling my plan?' } },
      { title: 'The agent answers', actor: 'agent', detail: 'The agent is called once; its reply becomes actual_output.', data: { actual_output: 'You can cancel at any time with 30 days notice.', latency: '1.8 s' } },
      { title: 'Relevance is scored', actor: 'judge', detail: 'An LLM judge rates how directly the answer addresses the question, from 0 to 1.', data: { metric_name: 'answer_relevancy', metric_score: '0.92' } },
      { title: 'Tone is scored', actor: 'judge', detail: 'A second rubric checks the register against the style guide.', data: { metric_name: 'tone', metric_score: '0.80' } },
      { title: 'The case is summarised', actor: 'metric', detail: 'Scores roll up through the metric tree; each is compared with the pass threshold of 0.5.', data: { overall: '0.86', passed: '2 of 2 metrics' } },
    ],
  },
  {
    id: 'expected-output',
    label: 'Expected output',
    summary: 'A reference answer exists, so the output can be compared with it.',
    steps: [
      { title: 'Case with a reference', actor: 'user', detail: 'The row carries the answer a domain expert wrote.', data: { query: 'Which form do I file for a change of address?', expected_output: 'Form AR-11, within 10 days of moving.' } },
      { title: 'The agent answers', actor: 'agent', detail: 'The output is recorded as it is, with no clean-up.', data: { actual_output: 'Use form AR-11. File it within ten days.' } },
      { title: 'Exact match fails', actor: 'metric', detail: 'A strict comparison is 0 whenever the wording differs, even when the facts agree.', data: { metric_name: 'exact_match', metric_score: '0.00' } },
      { title: 'Semantic comparison passes', actor: 'judge', detail: 'A judge compares the facts of both answers instead of their wording.', data: { metric_name: 'factual_correctness', metric_score: '1.00' } },
      { title: 'Pick the right metric', actor: 'metric', detail: 'Use exact match for closed answers (ids, numbers) and a semantic metric for free text.', data: { kept: 'factual_correctness', dropped: 'exact_match' } },
    ],
  },
  {
    id: 'multi-turn',
    label: 'Multi-turn',
    summary: 'A conversation is judged as a whole as well as turn by turn.',
    steps: [
      { title: 'Turn 1', actor: 'user', detail: 'The user asks to change a booking.', data: { user: 'Can I move my booking to Friday?' } },
      { title: 'The agent asks back', actor: 'agent', detail: 'The agent needs the booking reference before it can act.', data: { agent: 'Sure, what is your booking reference?' } },
      { title: 'Turn 2', actor: 'user', detail: 'The user answers; the agent calls the booking tool.', data: { user: 'It is BK-2291.', tool: 'move_booking(BK-2291, Fri)' } },
      { title: 'Per-turn scores', actor: 'judge', detail: 'Each agent turn is scored for relevance in its context.', data: { 'turn 1': '0.95', 'turn 2': '0.90' } },
      { title: 'Conversation scores', actor: 'judge', detail: 'Goal completion and knowledge retention look at the whole dialogue.', data: { goal_completion: '1.00', knowledge_retention: '1.00' } },
      { title: 'One verdict', actor: 'metric', detail: 'A conversation passes only when the goal is met and no turn fails.', data: { verdict: 'pass' } },
    ],
  },
  {
    id: 'rag',
    label: 'RAG',
    summary: 'Retrieval and generation are scored separately, so a failure can be traced to one of them.',
    steps: [
      { title: 'The question', actor: 'user', detail: 'The user asks about a policy held in the knowledge base.', data: { query: 'How many days of parental leave do I get?' } },
      { title: 'Retrieval', actor: 'tool', detail: 'The retriever returns the top passages that the answer must rest on.', data: { retrieved: '3 passages', top: 'Leave policy §4.2' } },
      { title: 'Context relevance', actor: 'judge', detail: 'How many retrieved passages bear on the question?', data: { metric_name: 'context_relevance', metric_score: '0.67' } },
      { title: 'Generation', actor: 'agent', detail: 'The model writes the answer from the passages.', data: { actual_output: '20 weeks of paid leave, plus 4 unpaid.' } },
      { title: 'Faithfulness', actor: 'judge', detail: 'Is every claim in the answer supported by a passage? Unsupported claims are hallucinations.', data: { metric_name: 'faithfulness', metric_score: '0.50', unsupported: '"plus 4 unpaid"' } },
      { title: 'Diagnosis', actor: 'metric', detail: 'Retrieval was adequate; the answer added a claim. Fix the generation prompt, not the retriever.', data: { component: 'generation', action: 'tighten the prompt' } },
    ],
  },
  {
    id: 'workflow',
    label: 'Agent workflow',
    summary: 'A multi-step agent is judged on its path as well as its final answer.',
    steps: [
      { title: 'The task', actor: 'user', detail: 'The agent must produce a refund decision for a claim.', data: { task: 'Decide refund for order 88213' } },
      { title: 'Plan', actor: 'agent', detail: 'The agent plans three tool calls.', data: { plan: 'lookup_order → check_policy → issue_refund' } },
      { title: 'Tool calls', actor: 'tool', detail: 'Each call and its result is recorded in the trace.', data: { lookup_order: 'ok', check_policy: 'ok', issue_refund: 'skipped' } },
      { title: 'Tool correctness', actor: 'metric', detail: 'The expected calls are compared with those made: one is missing.', data: { metric_name: 'tool_correctness', metric_score: '0.67' } },
      { title: 'Final answer', actor: 'judge', detail: 'The decision is right, but it was never carried out.', data: { decision: 'refund approved', task_completion: '0.50' } },
      { title: 'Review in Agent Replay', actor: 'metric', detail: 'Open the trace, mark the failing step and add the case to a golden dataset.', data: { failure_step: 'issue_refund', verdict: 'negative' } },
    ],
  },
];

export function findScenario(id: string | null | undefined): Scenario {
  return SCENARIOS.find((s) => s.id === id) ?? SCENARIOS[0]!;
}

/** The step after `index`, or null at the end (playback then stops). */
export function nextStep(index: number, count: number): number | null {
  return index + 1 < count ? index + 1 : null;
}

/** A step index from the URL, kept inside the scenario. */
export function clampStep(raw: string | null, count: number): number {
  const n = raw === null ? 0 : Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 0) return 0;
  return Math.min(n, count - 1);
}
