import { useEffect, useRef, useState } from 'react';
import { cn } from '../../lib/cn';
import type { ChartOption } from './options';

export type EChartsModule = typeof import('./echartsCore');
type Instance = ReturnType<EChartsModule['echarts']['init']>;

export interface ChartClick {
  name: string;
  value: unknown;
  data: unknown;
  seriesName?: string;
  dataIndex: number;
}

interface EChartProps {
  option: ChartOption;
  height?: number;
  className?: string;
  testId?: string;
  ariaLabel: string;
  onClick?: (event: ChartClick) => void;
  /** Loads the ECharts build to draw with (a page-specific one with extra series); the shared one by default. */
  load?: () => Promise<EChartsModule>;
}

let loader: Promise<EChartsModule> | null = null;

/** Loads the ECharts bundle once, on the first chart drawn. */
function loadECharts(): Promise<EChartsModule> {
  loader ??= import('./echartsCore');
  return loader;
}

/** One ECharts instance bound to a div; resizes with its container and re-applies the option on change. */
export function EChart({ option, height = 320, className, testId, ariaLabel, onClick, load = loadECharts }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<Instance | null>(null);
  const clickRef = useRef(onClick);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  clickRef.current = onClick;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    load()
      .then(({ echarts }) => {
        if (disposed || !ref.current) return;
        const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
        chartRef.current = chart;
        chart.on('click', (params) => {
          const p = params as unknown as ChartClick;
          clickRef.current?.({ name: p.name, value: p.value, data: p.data, seriesName: p.seriesName, dataIndex: p.dataIndex });
        });
        if (typeof ResizeObserver !== 'undefined') {
          observer = new ResizeObserver(() => chart.resize());
          observer.observe(ref.current);
        }
        setReady(true);
      })
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : 'Chart library failed to load'));
    return () => {
      disposed = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready && chartRef.current) chartRef.current.setOption(option as never, { notMerge: true });
  }, [option, ready]);

  return (
    <div className={cn('relative w-full', className)} style={{ height }} data-testid={testId} data-ready={ready ? 'true' : 'false'}>
      <div ref={ref} className="h-full w-full" role="img" aria-label={ariaLabel} />
      {!ready && !failed ? (
        <div className="absolute inset-0 flex items-center justify-center">
          <div className="h-full w-full animate-pulse rounded-lg bg-canvas" />
        </div>
      ) : null}
      {failed ? (
        <div className="absolute inset-0 flex items-center justify-center text-sm text-error">{failed}</div>
      ) : null}
    </div>
  );
}
