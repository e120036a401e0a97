import { useMemo } from 'react';
import { usePalette } from '../../lib/queries';
import { colorway } from './options';

/** The chart colourway for the active palette. */
export function useChartColors(): string[] {
  const palette = usePalette();
  return useMemo(() => colorway(palette), [palette]);
}
