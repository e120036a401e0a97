import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ATLAS, BEACON, CIRRUS } from '../../test/sourcesFixtures';
import { SourceSelector } from './SourceSelector';

function Harness({ allowAll = false, initial = null as string | null }) {
  const [selected, setSelected] = useState<string | null>(initial);
  return <SourceSelector sources={[ATLAS, BEACON, CIRRUS]} selected={selected} onSelect={setSelected} allowAll={allowAll} />;
}

const selectedIds = () => screen.getAllByRole('tab').filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.dataset.testid);

describe('SourceSelector', () => {
  it('shows registered agents with avatar and role, a raw source with a bot icon and its name, and dims inactive agents', () => {
    render(<Harness />);
    const list = screen.getByRole('tablist', { name: 'Source' });
    expect(within(list).getAllByRole('tab').map((t) => t.dataset.testid)).toEqual(['source-tab-Atlas', 'source-tab-Beacon', 'source-tab-Cirrus']);
    const atlas = screen.getByTestId('source-tab-Atlas');
    expect(within(atlas).getByRole('img', { name: 'Atlas avatar' }).getAttribute('src')).toBe('atlas.png');
    expect(screen.getByTestId('source-tab-Atlas-secondary').textContent).toBe('Claims triage');
    expect(atlas.dataset.registered).toBe('true');
    const beacon = screen.getByTestId('source-tab-Beacon');
    expect(beacon.dataset.active).toBe('false');
    expect(beacon.className).toContain('opacity-60');
    expect(beacon.textContent).toBe('Beacon (inactive)');
    expect(screen.queryByTestId('source-tab-Beacon-secondary')).toBeNull();
    const cirrus = screen.getByTestId('source-tab-Cirrus');
    expect(cirrus.dataset.registered).toBe('false');
    expect(within(cirrus).queryByRole('img')).toBeNull();
    expect(cirrus.querySelector('svg.lucide-bot')).toBeTruthy();
    expect(screen.getByTestId('source-tab-Cirrus-label').textContent).toBe('Cirrus');
    expect(screen.getByTestId('source-tab-Cirrus-secondary').textContent).toBe('Unregistered');
    expect(cirrus.getAttribute('title')).toBe('source_name Cirrus');
  });

  it('puts All sources first when asked; with nothing chosen it is the selected tab', () => {
    render(<Harness allowAll />);
    expect(screen.getAllByRole('tab')[0]!.dataset.testid).toBe('source-tab-all');
    expect(screen.getByTestId('source-tab-all-label').textContent).toBe('All sources');
    expect(selectedIds()).toEqual(['source-tab-all']);
  });

  it('moves and selects with the arrow keys, Home and End, keeping only the chosen tab in the Tab order', () => {
    render(<Harness allowAll />);
    const all = screen.getByTestId('source-tab-all');
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
    all.focus();
    fireEvent.keyDown(all, { key: 'ArrowRight' });
    expect(selectedIds()).toEqual(['source-tab-Atlas']);
    expect(document.activeElement).toBe(screen.getByTestId('source-tab-Atlas'));
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, 0, -1, -1]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(selectedIds()).toEqual(['source-tab-Cirrus']);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(selectedIds()).toEqual(['source-tab-all']);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(selectedIds()).toEqual(['source-tab-Cirrus']);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(selectedIds()).toEqual(['source-tab-all']);
    expect(document.activeElement).toBe(all);
  });

  it('hands the id of a clicked tab (null for All sources) and renders nothing without sources', () => {
    const onSelect = vi.fn();
    const { rerender } = render(<SourceSelector sources={[ATLAS, CIRRUS]} selected="Atlas" onSelect={onSelect} allowAll />);
    fireEvent.click(screen.getByTestId('source-tab-Cirrus'));
    fireEvent.click(screen.getByTestId('source-tab-all'));
    expect(onSelect.mock.calls).toEqual([['Cirrus'], [null]]);
    rerender(<SourceSelector sources={[]} selected={null} onSelect={onSelect} allowAll />);
    expect(screen.queryByRole('tablist')).toBeNull();
  });
});
