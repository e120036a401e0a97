import { describe, expect, it } from 'vitest';
import { rule } from '../../test/memoryFixtures';
import { agentsOf, batchBar, conflictingRules, inputOf, isConflicting, missingFields, EMPTY_FORM, share, sortRules, thresholdText } from './rules';

describe('memory rule helpers', () => {
  const rules = [
    rule({ id: 'a', name: 'beta', action: 'refer', agent: 'x' }),
    rule({ id: 'b', name: '', action: 'decline', agent: '' }),
    rule({ id: 'c', name: 'Alpha', action: 'decline', agent: 'w' }),
    rule({ id: 'd', name: 'alpha', action: 'verify', agent: 'x' }),
  ];

  it('sorts case-insensitively, stable, with empty values last both ways', () => {
    expect(sortRules(rules, 'name', 'asc').map((r) => r.id)).toEqual(['c', 'd', 'a', 'b']);
    expect(sortRules(rules, 'name', 'desc').map((r) => r.id)).toEqual(['a', 'c', 'd', 'b']);
    expect(agentsOf(rules)).toEqual(['w', 'x']);
  });

  it('finds the rules of a conflict by risk factor and name', () => {
    const keys = conflictingRules([{ risk_factor: 'DTI', description: '', conflicting_rules: [{ rule_name: 'beta', action: 'refer' }] }]);
    expect(isConflicting(keys, rule({ id: '1', name: 'beta', action: 'refer', group_by: 'DTI' }))).toBe(true);
    expect(isConflicting(keys, rule({ id: '2', name: 'beta', action: 'refer', group_by: 'LTV' }))).toBe(false);
  });

  it('splits a batch by status and gives shares as widths', () => {
    const bar = batchBar({ batch_id: 'b', rules_count: 8, created_at: '', statuses: { Ingested: 5, pending: 2, skipped: 1 }, risk_categories: [] });
    expect(bar).toEqual({ ingested: 5, pending: 2, failed: 0, other: 1, total: 8 });
    expect([share(5, 8), share(1, 3), share(0, 0)]).toEqual(['62.5%', '33.3%', '0%']);
  });

  it('writes a threshold from its type and value', () => {
    expect([
      thresholdText({ threshold_type: 'hard', threshold_value: 'DTI > 50%' }),
      thresholdText({ threshold_type: '', threshold_value: '43%' }),
      thresholdText({ threshold_type: 'soft', threshold_value: '' }),
      thresholdText({ threshold_type: '', threshold_value: '' }),
    ]).toEqual(['hard · DTI > 50%', '43%', 'soft', '']);
  });

  it('turns the form into a body and lists what is missing', () => {
    expect(missingFields(EMPTY_FORM)).toEqual(['Name', 'Action']);
    expect(inputOf({ ...EMPTY_FORM, name: ' n ', action: 'refer', mitigants: ' a \n\nb' })).toMatchObject({ name: 'n', action: 'refer', mitigants: ['a', 'b'] });
  });
});
