import { describe, expect, it } from 'vitest';
import {
  cellText,
  effectLabel,
  formatCount,
  formatLabel,
  formatPValue,
  formatPercent,
  formatPercentChange,
  formatScore,
  formatSigned,
  formatWeight,
  isHierarchicalFormat,
  scoreTone,
  starsFor,
  treeTone,
  truncate,
} from './format';

describe('score formatting', () => {
  it('shows scores with three decimals and a dash when missing', () => {
    expect(formatScore(0.77713)).toBe('0.777');
    expect(formatScore(1)).toBe('1.000');
    expect(formatScore(0.02600038, 4)).toBe('0.0260');
    expect(formatScore(null)).toBe('—');
    expect(formatScore(Number.NaN)).toBe('—');
    expect(formatScore('0.5')).toBe('—');
  });

  it('formats fractions, percentage changes and signed differences', () => {
    expect(formatPercent(0.254)).toBe('25.4%');
    expect(formatPercent(1, 0)).toBe('100%');
    expect(formatPercentChange(4.219)).toBe('+4.2%');
    expect(formatPercentChange(-12.06)).toBe('-12.1%');
    expect(formatPercentChange(0)).toBe('0.0%');
    expect(formatSigned(0.0421)).toBe('+0.042');
    expect(formatSigned(-0.0131)).toBe('−0.013');
    expect(formatSigned(0)).toBe('0.000');
    expect(formatSigned(-0.0001)).toBe('0.000');
    expect(formatSigned(undefined)).toBe('—');
  });

  it('formats p-values, stars and effect sizes at their boundaries', () => {
    expect(formatPValue(0.0004)).toBe('<0.001');
    expect(formatPValue(0.0123)).toBe('0.012');
    expect(starsFor(0.0009)).toBe('***');
    expect(starsFor(0.001)).toBe('**');
    expect(starsFor(0.0099)).toBe('**');
    expect(starsFor(0.049)).toBe('*');
    expect(starsFor(0.05)).toBe('');
    expect(effectLabel(0.19)).toBe('negligible');
    expect(effectLabel(-0.2)).toBe('small');
    expect(effectLabel(0.5)).toBe('medium');
    expect(effectLabel(-0.81)).toBe('large');
  });

  it('formats counts and weights', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(undefined)).toBe('—');
    expect(formatWeight(1)).toBe('1');
    expect(formatWeight(0.3333333)).toBe('0.333');
  });
});

describe('score bands', () => {
  it('uses ≥0.7 good, ≥0.5 borderline, else failing for scores', () => {
    expect(scoreTone(0.7)).toBe('success');
    expect(scoreTone(0.6999)).toBe('warning');
    expect(scoreTone(0.5)).toBe('warning');
    expect(scoreTone(0.49)).toBe('error');
    expect(scoreTone(null)).toBe('neutral');
  });

  it('uses ≥0.7 success, ≤0.3 error, warning between for tree nodes', () => {
    expect(treeTone(0.7)).toBe('success');
    expect(treeTone(0.31)).toBe('warning');
    expect(treeTone(0.3)).toBe('error');
    expect(treeTone(undefined)).toBe('neutral');
  });
});

describe('text helpers', () => {
  it('names formats and knows which ones the scorecard reads', () => {
    expect(formatLabel('tree_format')).toBe('Tree format');
    expect(formatLabel('custom_thing')).toBe('custom_thing');
    expect(formatLabel(undefined)).toBe('Unknown format');
    expect(isHierarchicalFormat('tree_format')).toBe(true);
    expect(isHierarchicalFormat('flat_format')).toBe(true);
    expect(isHierarchicalFormat('simple_judgment')).toBe(false);
  });

  it('truncates on a word boundary and renders cells as text', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('the quick brown fox jumps', 12)).toBe('the quick…');
    expect(truncate(null)).toBe('');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(false)).toBe('false');
    expect(cellText(Number.NaN)).toBe('');
  });
});
