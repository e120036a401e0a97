import { act, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { BrowserRouter, MemoryRouter, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { useSearchParam } from './useSearchParam';

let writers: { setQ: (v: string | null) => void; setTag: (v: string | null) => void } | null = null;

/** Two setters of two values, handed out to the test; the address is shown for the assertions. */
function Probe() {
  const [, setQ] = useSearchParam('q');
  const [, setTag] = useSearchParam('tag');
  const { search } = useLocation();
  useEffect(() => {
    writers = { setQ, setTag };
  });
  return <p data-testid="search">{search}</p>;
}

describe('useSearchParam', () => {
  it('keeps both of two writes issued before a re-render (memory history)', () => {
    render(
      <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }} initialEntries={['/compare?dataset=d1&tag=old']}>
        <Probe />
      </MemoryRouter>,
    );
    act(() => {
      writers!.setTag(null);
      writers!.setQ('refund');
    });
    expect(screen.getByTestId('search').textContent).toBe('?dataset=d1&q=refund');
  });

  it('keeps both writes in the browser history too, without adding history entries', () => {
    window.history.replaceState(null, '', '/compare?dataset=d2');
    const before = window.history.length;
    render(
      <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <Probe />
      </BrowserRouter>,
    );
    act(() => {
      writers!.setQ('late fee');
      writers!.setTag('billing');
    });
    expect(screen.getByTestId('search').textContent).toBe('?dataset=d2&q=late+fee&tag=billing');
    expect(window.location.search).toBe('?dataset=d2&q=late+fee&tag=billing');
    expect(window.history.length).toBe(before);
  });
});
