import {
  Activity,
  Brain,
  CirclePlay,
  FlaskConical,
  Gauge,
  PenLine,
  Scale,
  Sparkles,
  Users,
  Wand2,
  type LucideIcon,
} from 'lucide-react';

export interface PageInfo {
  title: string;
  subtitle: string;
  icon: LucideIcon;
}

export const PAGES = {
  production: {
    title: 'Production',
    subtitle: 'An executive view of one agent: quality, human signals and business impact.',
    icon: Gauge,
  },
  monitoring: {
    title: 'Monitor',
    subtitle: 'Production quality over time, failing outputs and alerts.',
    icon: Activity,
  },
  humanSignals: {
    title: 'Human Signals',
    subtitle: 'Human-in-the-loop case analytics: escalations, overrides and feedback.',
    icon: Users,
  },
  annotation: {
    title: 'Annotation Studio',
    subtitle: 'Keyboard-first human labelling of model outputs, with CSV export.',
    icon: PenLine,
  },
  caliber: {
    title: 'CaliberHQ',
    subtitle: 'Calibrate an LLM judge against human labels.',
    icon: Scale,
  },
  memory: {
    title: 'Memory',
    subtitle: 'A library of decision rules and the graph that connects them.',
    icon: Brain,
  },
  agentReplay: {
    title: 'Agent Replay',
    subtitle: 'Step through agent traces and review what happened.',
    icon: CirclePlay,
  },
  simulation: {
    title: 'Simulate',
    subtitle: 'Run simulated conversations against an agent before it meets real users.',
    icon: Sparkles,
  },
  synthetic: {
    title: 'Synthetic',
    subtitle: 'Generate synthetic test cases to widen evaluation coverage.',
    icon: Wand2,
  },
  evaluate: {
    title: 'Evaluate',
    subtitle: 'Offline evaluation results: scorecard, deep dive and experiment comparison.',
    icon: FlaskConical,
  },
} satisfies Record<string, PageInfo>;

export interface EvaluateTab {
  slug: string;
  label: string;
  description: string;
}

export const EVALUATE_TABS: EvaluateTab[] = [
  { slug: 'runner', label: 'Runner', description: 'Run an evaluation against a dataset from the browser.' },
  { slug: 'upload', label: 'Upload', description: 'Load evaluation results from a CSV file or a database.' },
  { slug: 'scorecard', label: 'Scorecard', description: 'Key figures and the metric tree for the loaded results.' },
  { slug: 'deep-dive', label: 'Deep Dive', description: 'Distributions, the metric tree and individual test cases.' },
  { slug: 'compare', label: 'Compare', description: 'Compare experiments and models side by side.' },
  { slug: 'report', label: 'Report', description: 'Generate a written report on the issues in the selected evaluation dataset.' },
];
