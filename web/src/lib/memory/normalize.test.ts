import { describe, expect, it } from 'vitest';
import { normalizeRule, roleList, roleText } from './normalize';

describe('memory rule normalisation', () => {
  it('prints any JSON role value as text and list roles as string lists', () => {
    expect([roleText(null), roleText(0.5), roleText(true), roleText(['a', 1]), roleText({ k: 1 })]).toEqual(['', '0.5', 'true', 'a, 1', '{"k":1}']);
    expect([roleList(''), roleList('one'), roleList(['a', 2]), roleList(null)]).toEqual([[], ['one'], ['a', '2'], []]);
  });

  it('fills all 23 roles of a rule stored from a body with numbers and nulls', () => {
    const rule = normalizeRule({ id: 'x', name: 'N', action: 'refer', threshold_value: 43, mitigants: 'co-signer', confidence: null, extra: 'dropped' });
    expect(Object.keys(rule)).toHaveLength(23);
    expect([rule.threshold_value, rule.mitigants, rule.confidence, rule.data_fields, rule.batch]).toEqual(['43', ['co-signer'], '', [], '']);
    expect('extra' in rule).toBe(false);
  });
});
