export interface LearnTopic {
  title: string;
  body: string;
}

export interface LearnTab {
  id: string;
  label: string;
  intro: string;
  topics: LearnTopic[];
}

export const LEARN_TABS: LearnTab[] = [
  {
    id: 'overview',
    label: 'Overview',
    intro:
      'AI evaluation answers one question with evidence: is this system good enough for the job it is given, and is it getting better or worse?',
    topics: [
      {
        title: 'Offline evaluation',
        body: 'Before a release, run the agent on a fixed set of test cases and score each output with metrics. Because the inputs do not change, scores from two versions can be compared directly.',
      },
      {
        title: 'Production monitoring',
        body: 'After release, sample real traffic and score it continuously. Trends over time reveal drift, regressions after a deployment and failure patterns that the test set did not anticipate.',
      },
      {
        title: 'Human signals',
        body: 'Escalations, overrides, ratings and reviewer notes are the ground truth that automated metrics approximate. Tracking them keeps the automated scores honest.',
      },
      {
        title: 'Calibration',
        body: 'An LLM judge is itself a model. Comparing its verdicts with human labels on the same items shows how far it can be trusted, and where its instructions need work.',
      },
    ],
  },
  {
    id: 'methods',
    label: 'Methods',
    intro: 'Different questions call for different scoring methods. Most programmes combine several.',
    topics: [
      {
        title: 'Reference-based metrics',
        body: 'When an expected answer exists, compare the output with it: exact match for closed answers, token overlap or embedding similarity for free text. Cheap and repeatable, but blind to correct answers phrased differently.',
      },
      {
        title: 'LLM as a judge',
        body: 'A separate model grades each output against a rubric, for qualities such as faithfulness to sources, relevance or tone. Scales well; needs calibration against human labels and a fixed judge version.',
      },
      {
        title: 'Hierarchical scorecards',
        body: 'Group metrics into a tree (for example, Quality → Accuracy → Faithfulness) and aggregate with weights. The tree shows which component is pulling an overall score down.',
      },
      {
        title: 'Agreement statistics',
        body: "Cohen's kappa measures agreement between a judge and human labellers beyond chance; a confusion matrix shows which verdicts they disagree on.",
      },
      {
        title: 'Pairwise comparison',
        body: 'Score two experiments on the same cases and count wins, losses and ties per metric. Paired comparisons detect smaller differences than comparing two averages.',
      },
    ],
  },
  {
    id: 'best-practices',
    label: 'Best Practices',
    intro: 'Habits that keep evaluation results meaningful over time.',
    topics: [
      {
        title: 'Version everything',
        body: 'Record the model, prompt, judge and dataset version with every run. A score without its configuration cannot be reproduced or compared.',
      },
      {
        title: 'Keep a stable core test set',
        body: 'Add new cases as you find failures, but keep a fixed core so that scores from different months remain comparable.',
      },
      {
        title: 'Look at the failures, not only the averages',
        body: 'An average can hide a small group of severe failures. Read the lowest-scoring outputs after every run.',
      },
      {
        title: 'Set thresholds before you look',
        body: 'Decide what score counts as acceptable before running the evaluation, so that the threshold is not bent to fit the result.',
      },
      {
        title: 'Re-calibrate judges regularly',
        body: 'When the judge model, its prompt or the domain changes, label a fresh sample by hand and check agreement again.',
      },
    ],
  },
];
