import { describe, expect, it } from 'vitest';
import { ATLAS, BEACON, CIRRUS, sourceEntry } from '../../test/sourcesFixtures';
import { resolveSource, sourceKeys, sourcesWith } from './sources';

const ALL = [ATLAS, BEACON, CIRRUS];

describe('sources', () => {
  it('keeps the server order and lists only the sources with rows of the page kind', () => {
    expect(sourcesWith(ALL).map((s) => s.id)).toEqual(['Atlas', 'Beacon', 'Cirrus']);
    expect(sourcesWith(ALL, 'monitoring').map((s) => s.id)).toEqual(['Atlas', 'Beacon']);
    expect(sourcesWith(ALL, 'kpi').map((s) => s.id)).toEqual(['Beacon', 'Cirrus']);
    expect(sourcesWith(undefined, 'human_signals')).toEqual([]);
  });

  it('resolves a wanted value by id, stored name, then label, ignoring case for names and labels', () => {
    const agent = sourceEntry({ id: 'atlas', label: 'Atlas Claims', source_names: ['atlas', 'atlas-prod'] });
    const list = [agent, CIRRUS];
    expect(resolveSource('atlas', list)).toBe(agent);
    expect(resolveSource('atlas-prod', list)).toBe(agent);
    expect(resolveSource('ATLAS-PROD', list)).toBe(agent);
    expect(resolveSource('atlas claims', list)).toBe(agent);
    expect(resolveSource('Cirrus', list)).toBe(CIRRUS);
    expect(resolveSource('Gone', list)).toBeUndefined();
    expect(resolveSource('', list)).toBeUndefined();
    expect(resolveSource(null, list)).toBeUndefined();
  });

  it('an exact id wins over another entry whose label matches ignoring case', () => {
    const raw = sourceEntry({ id: 'beacon', registered: false });
    const named = sourceEntry({ id: 'b-1', label: 'Beacon' });
    expect(resolveSource('beacon', [named, raw])).toBe(raw);
    expect(resolveSource('Beacon', [named, raw])).toBe(raw);
  });

  it('gives the keys per-source settings may use: id, then the other stored names', () => {
    expect(sourceKeys(ATLAS)).toEqual(['Atlas', 'atlas-prod']);
    expect(sourceKeys(sourceEntry({ id: 'x', source_names: ['y', 'x'] }))).toEqual(['x', 'y']);
    expect(sourceKeys(null)).toEqual([]);
  });
});
