import { describe, expect, it } from 'vitest';
import { confusion, isWide, judgeInstruction, kappaBand, kappaText, leaning, lineDiff } from './stats';

describe('align statistics for display', () => {
  it('names the κ band at each boundary', () => {
    expect(kappaBand(-0.1)).toBe('slight');
    expect(kappaBand(0.19)).toBe('slight');
    expect(kappaBand(0.2)).toBe('fair');
    expect(kappaBand(0.39)).toBe('fair');
    expect(kappaBand(0.4)).toBe('moderate');
    expect(kappaBand(0.6)).toBe('substantial');
    expect(kappaBand(0.79)).toBe('substantial');
    expect(kappaBand(0.8)).toBe('almost perfect');
    expect(kappaBand(1)).toBe('almost perfect');
  });

  it('writes κ with its interval, and calls an interval wider than 0.4 wide', () => {
    expect(kappaText(0.6234, { low: 0.412, high: 0.7996 }, 0.95)).toBe('κ 0.62 (95 % CI 0.41–0.80)');
    expect(kappaText(0.5, null, null)).toBe('κ 0.50');
    expect(isWide({ low: 0.41, high: 0.8 })).toBe(false);
    expect(isWide({ low: 0.2, high: 0.7 })).toBe(true);
  });

  it('reads the confusion matrix as [[TN, FP], [FN, TP]] and says which way the judge leans', () => {
    const c = confusion({ confusion_matrix: [[5, 3], [1, 9]] });
    expect(c).toEqual({ tn: 5, fp: 3, fn: 1, tp: 9 });
    expect(leaning(c)).toBe('too lenient');
    expect(leaning({ tn: 5, fp: 1, fn: 3, tp: 9 })).toBe('too strict');
    expect(leaning({ tn: 5, fp: 2, fn: 2, tp: 9 })).toBe('balanced');
  });

  it('diffs two texts line by line', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
    expect(lineDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });

  it('puts the criteria into every placeholder of the prompt', () => {
    expect(judgeInstruction('A {evaluation_criteria} B {evaluation_criteria}', 'x')).toBe('A x B x');
  });
});
