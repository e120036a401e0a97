import { describe, expect, it } from 'vitest';
import { chatOf, flattenTree, parentIds, payloadText, sectionsOf, typeBadge } from './tree';
import { ROOT } from '../../test/replayFixtures';

describe('replay tree helpers', () => {
  it('names the type badges', () => {
    expect(['SPAN', 'GENERATION', 'TOOL', 'EVENT', 'AGENT', 'retriever'].map(typeBadge)).toEqual(['SPAN', 'GEN', 'TOOL', 'EVT', 'AGEN', 'RETR']);
  });

  it('walks the tree parent first and lists the parents', () => {
    expect(flattenTree([ROOT]).map((n) => n.id)).toEqual(['span-1', 'gen-1', 'tool-1', 'evt-1']);
    expect(parentIds([ROOT])).toEqual(['span-1']);
  });

  it('reads conversations only when every item has a role', () => {
    expect(chatOf({ messages: [{ role: 'user', content: 'hi' }] })).toEqual([{ role: 'user', content: 'hi' }]);
    expect(chatOf('[{"role":"assistant","content":"ok"}]')).toEqual([{ role: 'assistant', content: 'ok' }]);
    expect(chatOf([{ role: 'user', content: 'a' }, { text: 'b' }])).toBeNull();
    expect(chatOf([])).toBeNull();
    expect(chatOf('plain text')).toBeNull();
  });

  it('splits objects into sections and prints the rest', () => {
    expect(sectionsOf({ a: 1, b: 'x' })).toEqual([
      ['a', 1],
      ['b', 'x'],
    ]);
    expect(sectionsOf([1])).toBeNull();
    expect(sectionsOf({})).toBeNull();
    expect(payloadText({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(payloadText(null)).toBe('');
  });
});
