interface SparklineProps {
  values: Array<number | null | undefined>;
  color?: string;
  width?: number;
  height?: number;
  testId?: string;
}

/** A small inline SVG line of the finite values, scaled to their own range; nothing for fewer than two points. */
export function Sparkline({ values, color = 'currentColor', width = 96, height = 28, testId }: SparklineProps) {
  const points = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (points.length < 2) return null;
  const min = Math.min(...points);
  const span = Math.max(...points) - min || 1;
  const step = width / (points.length - 1);
  const path = points.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)}`).join(' ');
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" data-testid={testId} data-points={points.length}>
      <polyline points={path} fill="none" stroke={color} strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
