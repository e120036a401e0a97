import { messageListOf, messagesOf, type ChatMessage } from '../signals/cases';
import type { TreeNode } from './types';

/** The short badge of an observation type: SPAN, GEN, TOOL, EVT, else the first four letters. */
export function typeBadge(type: string): string {
  const t = type.toUpperCase();
  if (t === 'GENERATION') return 'GEN';
  if (t === 'EVENT') return 'EVT';
  return t.slice(0, 4);
}

export const BADGE_TONES: Record<string, string> = {
  SPAN: 'bg-[#3498DB]/15 text-[#21618C]',
  GEN: 'bg-[#9B59B6]/15 text-[#6C3483]',
  TOOL: 'bg-[#F39C12]/15 text-[#9C640C]',
  EVT: 'bg-[#1ABC9C]/15 text-[#117A65]',
};

export const badgeTone = (badge: string) => BADGE_TONES[badge] ?? 'bg-canvas text-ink-secondary';

/** Every node of the tree in reading order (parent before children). */
export function flattenTree(tree: readonly TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (nodes: readonly TreeNode[]) => {
    for (const n of nodes) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(tree);
  return out;
}

/** The ids of the nodes that have children (what "expand all" opens). */
export function parentIds(tree: readonly TreeNode[]): string[] {
  return flattenTree(tree)
    .filter((n) => n.children.length > 0)
    .map((n) => n.id);
}

export function findNode(tree: readonly TreeNode[], id: string): TreeNode | undefined {
  return flattenTree(tree).find((n) => n.id === id);
}

/** A node's total tokens, or null without usage. */
export const nodeTokens = (node: { usage: { total: number } | null }) => node.usage?.total ?? null;

/** The value as chat messages when it is a conversation (every item has a role); null otherwise. */
export function chatOf(value: unknown): ChatMessage[] | null {
  const list = messageListOf(value);
  if (!list || list.length === 0) return null;
  if (!list.every((m) => !!m && typeof m === 'object' && typeof (m as { role?: unknown }).role === 'string')) return null;
  return messagesOf(list);
}

/** A plain object's entries, for showing each member as its own section; null for anything else. */
export function sectionsOf(value: unknown): Array<[string, unknown]> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  return entries.length > 0 ? entries : null;
}

/** Text of a value: strings as they are, the rest as indented JSON. */
export function payloadText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

export function formatTokens(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString('en-US') : '—';
}
