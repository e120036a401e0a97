import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clampStep, nextStep, SCENARIOS, STEP_MS } from '../../lib/learn/walkthrough';
import { Walkthrough } from './Walkthrough';

let search = '';
function SearchProbe() {
  search = useLocation().search;
  return null;
}

function renderAt(path = '/learn?tab=walkthrough') {
  render(
    <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <Walkthrough />
      <SearchProbe />
    </MemoryRouter>,
  );
}

const title = () => screen.getByTestId('walkthrough-title').textContent;
const position = () => screen.getByTestId('walkthrough-position').textContent;

afterEach(() => vi.useRealTimers());

describe('walkthrough', () => {
  it('has five scenarios and keeps steps in range', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual(['single-turn', 'expected-output', 'multi-turn', 'rag', 'workflow']);
    expect(STEP_MS).toBe(2000);
    expect(nextStep(3, 5)).toBe(4);
    expect(nextStep(4, 5)).toBeNull();
    expect(clampStep('9', 5)).toBe(4);
    expect(clampStep('x', 5)).toBe(0);
    expect(clampStep(null, 5)).toBe(0);
  });

  it('plays at 2 s a step, pauses, and stops at the last step', () => {
    vi.useFakeTimers();
    renderAt();
    expect(title()).toBe('A test case is read');
    fireEvent.click(screen.getByTestId('walkthrough-play'));
    expect(screen.getByTestId('walkthrough-play').textContent).toBe('Pause');
    act(() => vi.advanceTimersByTime(1999));
    expect(position()).toBe('Step 1 of 5');
    act(() => vi.advanceTimersByTime(1));
    expect(position()).toBe('Step 2 of 5');
    expect(title()).toBe('The agent answers');
    expect(search).toBe('?tab=walkthrough&step=1');

    fireEvent.click(screen.getByTestId('walkthrough-play'));
    act(() => vi.advanceTimersByTime(6000));
    expect(position()).toBe('Step 2 of 5');

    fireEvent.click(screen.getByTestId('walkthrough-play'));
    for (let i = 0; i < 3; i += 1) act(() => vi.advanceTimersByTime(STEP_MS));
    expect(position()).toBe('Step 5 of 5');
    act(() => vi.advanceTimersByTime(STEP_MS));
    expect(screen.getByTestId('walkthrough-play').textContent).toBe('Play');
    expect(position()).toBe('Step 5 of 5');
  });

  it('steps with Previous and Next, switches scenario from the start, and reads both from the URL', () => {
    renderAt('/learn?tab=walkthrough&scenario=rag&step=2');
    expect(title()).toBe('Context relevance');
    expect(screen.getByTestId('walkthrough-data').textContent).toContain('context_relevance');
    fireEvent.click(screen.getByTestId('walkthrough-next'));
    expect(title()).toBe('Generation');
    fireEvent.click(screen.getByTestId('walkthrough-prev'));
    fireEvent.click(screen.getByTestId('walkthrough-prev'));
    expect(position()).toBe('Step 2 of 6');
    fireEvent.click(screen.getByTestId('walkthrough-scenario-workflow'));
    expect(title()).toBe('The task');
    expect(search).toBe('?tab=walkthrough&scenario=workflow');
    expect(screen.getByTestId('walkthrough-scenario-workflow').getAttribute('aria-pressed')).toBe('true');
  });
});
