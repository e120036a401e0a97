import { asRecord, asText } from './eventData';

export type ThoughtType =
  | 'reasoning'
  | 'tool_use'
  | 'observation'
  | 'planning'
  | 'reflection'
  | 'decision'
  | 'error'
  | 'success';

/** One step of an agent's reasoning, as the server streams it in `thought` events. */
export interface Thought {
  id: string;
  type: string;
  content: string;
  node_name: string | null;
  skill_name: string | null;
  metadata: Record<string, unknown>;
  timestamp: string | null;
  color: string;
}

export const THOUGHT_COLORS: Record<ThoughtType, string> = {
  reasoning: '#3B82F6',
  tool_use: '#8B5CF6',
  observation: '#06B6D4',
  planning: '#F59E0B',
  reflection: '#EC4899',
  decision: '#10B981',
  error: '#EF4444',
  success: '#22C55E',
};

const FALLBACK_COLOR = '#7F8C8D';

/** Hex, rgb()/hsl() or a plain colour name: anything else is not used as a style value. */
const SAFE_COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20}|(rgb|hsl)a?\([\d\s.,%/deg]+\))$/i;

export function thoughtColor(type: string, color: unknown): string {
  if (typeof color === 'string' && SAFE_COLOR.test(color.trim())) return color.trim();
  return THOUGHT_COLORS[type as ThoughtType] ?? FALLBACK_COLOR;
}

/** "tool_use" → "Tool use". */
export function thoughtLabel(type: string): string {
  const words = type.replace(/_/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Thought';
}

function nonEmpty(value: unknown): string | null {
  const text = asText(value);
  return text && text.trim() !== '' ? text : null;
}

/** Reads a `thought` event's data; null when it carries no content. */
export function toThought(data: unknown, fallbackId: string): Thought | null {
  const d = asRecord(data);
  const content = nonEmpty(d.content);
  if (!content) return null;
  const type = nonEmpty(d.type) ?? 'reasoning';
  return {
    id: nonEmpty(d.id) ?? fallbackId,
    type,
    content,
    node_name: nonEmpty(d.node_name),
    skill_name: nonEmpty(d.skill_name),
    metadata: asRecord(d.metadata),
    timestamp: nonEmpty(d.timestamp),
    color: thoughtColor(type, d.color),
  };
}

/** The list with the event's thought appended; the same list when the event carries none. */
export function appendThought(thoughts: Thought[], data: unknown, idPrefix: string): Thought[] {
  const thought = toThought(data, `${idPrefix}-${thoughts.length + 1}`);
  return thought ? [...thoughts, thought] : thoughts;
}
