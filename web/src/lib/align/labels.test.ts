import { describe, expect, it } from 'vitest';
import { fileLabels, labelKeyCommand, labelsKey, recordId } from './labels';

describe('CaliberHQ labels', () => {
  it('identifies a record by dataset_id, then id, then position', () => {
    expect(recordId({ dataset_id: 'x1', id: 'y' }, 0)).toBe('x1');
    expect(recordId({ id: 7 }, 0)).toBe('7');
    expect(recordId({ dataset_id: ' ', query: 'q' }, 4)).toBe('5');
  });

  it('derives the saved-labels key from the file name', () => {
    expect(labelsKey('Support Calibration.CSV')).toBe('caliber:support-calibration');
    expect(labelsKey('caliber_hq.csv')).toBe('caliber:caliber_hq');
  });

  it('reads 0/1 labels from score, label or human_score and ignores anything else', () => {
    const labels = fileLabels([
      { id: 'a', score: '1' },
      { id: 'b', label: 0 },
      { id: 'c', human_score: '1.0' },
      { id: 'd', score: '0.5', label: 'yes' },
      { id: 'e' },
    ]);
    expect(labels).toEqual({ a: { score: 1 }, b: { score: 0 }, c: { score: 1 } });
  });

  it('maps the labelling keys and ignores them while typing or with a modifier', () => {
    expect(labelKeyCommand('A', false, false)).toEqual({ type: 'label', score: 1 });
    expect(labelKeyCommand('r', false, false)).toEqual({ type: 'label', score: 0 });
    expect(labelKeyCommand('ArrowLeft', false, false)).toEqual({ type: 'prev' });
    expect(labelKeyCommand('ArrowRight', false, false)).toEqual({ type: 'next' });
    expect(labelKeyCommand('n', false, false)).toEqual({ type: 'notes' });
    expect(labelKeyCommand('a', false, true)).toBeNull();
    expect(labelKeyCommand('a', true, false)).toBeNull();
    expect(labelKeyCommand('x', false, false)).toBeNull();
  });
});
