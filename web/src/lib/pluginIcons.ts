import {
  Activity,
  BookOpen,
  Bot,
  Brain,
  ChartLine,
  CirclePlay,
  Database,
  FileText,
  Film,
  GitBranch,
  History,
  Layers,
  MessageSquare,
  Network,
  Puzzle,
  Search,
  Sparkles,
  Workflow,
  type LucideIcon,
} from 'lucide-react';

const ICONS: Record<string, LucideIcon> = {
  activity: Activity,
  'book-open': BookOpen,
  bot: Bot,
  brain: Brain,
  'chart-line': ChartLine,
  'line-chart': ChartLine,
  'circle-play': CirclePlay,
  'play-circle': CirclePlay,
  database: Database,
  'file-text': FileText,
  film: Film,
  'git-branch': GitBranch,
  history: History,
  layers: Layers,
  'message-square': MessageSquare,
  network: Network,
  search: Search,
  sparkles: Sparkles,
  workflow: Workflow,
};

export const FALLBACK_PLUGIN_ICON: LucideIcon = Puzzle;

/** Normalises "PlayCircle", "play_circle" or "play-circle" to the kebab-case lucide name. */
export function normaliseIconName(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[\s_]+/g, '-')
    .toLowerCase();
}

export function pluginIcon(name: string | null | undefined): LucideIcon {
  if (typeof name !== 'string' || name.trim() === '') return FALLBACK_PLUGIN_ICON;
  return ICONS[normaliseIconName(name)] ?? FALLBACK_PLUGIN_ICON;
}
