import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ScorecardNode } from '../../lib/evaluate/types';
import { SCORECARD } from '../../pages/evaluate/testServer';
import { AiReportPanel } from './AiReportPanel';

describe('AiReportPanel', () => {
  it('counts the leaf metrics, their scored results and those below 0.5', () => {
    const onGenerate = vi.fn();
    render(<AiReportPanel nodes={SCORECARD.nodes as ScorecardNode[]} leafMetrics={['faithfulness', 'relevance']} totalCases={40} onGenerate={onGenerate} />);
    expect(screen.getByTestId('ai-report-cases').textContent).toBe('40');
    expect(screen.getByTestId('ai-report-metrics').textContent).toBe('2');
    expect(screen.getByTestId('ai-report-scored').textContent).toBe('80');
    expect(screen.getByTestId('ai-report-below').textContent).toBe('1');
    fireEvent.click(screen.getByTestId('ai-report-open'));
    expect(onGenerate).toHaveBeenCalledTimes(1);
  });

  it('offers nothing to generate without metrics', () => {
    render(<AiReportPanel nodes={[]} leafMetrics={[]} totalCases={null} onGenerate={vi.fn()} />);
    expect(screen.getByTestId('ai-report-cases').textContent).toBe('—');
    expect(screen.getByTestId('ai-report-metrics').textContent).toBe('0');
    expect((screen.getByTestId('ai-report-open') as HTMLButtonElement).disabled).toBe(true);
  });
});
