import { Check, Copy, Download, FileText } from 'lucide-react';
import { useEffect, useState } from 'react';
import { downloadText } from '../../lib/download';
import type { ReportStatus } from '../../lib/reports/reportRun';
import { Button } from '../Button';
import { Card } from '../Card';
import { Markdown } from '../Markdown';

interface ReportResultProps {
  text: string;
  status: ReportStatus;
  issuesAnalyzed: number | null;
  metricsCovered: string[];
  filename: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

function coverage(issues: number | null, metrics: string[]): string | null {
  if (issues === null) return null;
  const count = `${issues.toLocaleString('en-US')} ${issues === 1 ? 'issue' : 'issues'} analysed`;
  return metrics.length > 0 ? `${count} across: ${metrics.join(', ')}` : count;
}

/** The report as formatted Markdown, with Copy and Download (.md) once it is written. */
export function ReportResult({ text, status, issuesAnalyzed, metricsCovered, filename }: ReportResultProps) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const writing = status === 'streaming';
  const summary = coverage(issuesAnalyzed, metricsCovered);

  useEffect(() => {
    if (copy === 'idle') return undefined;
    const timer = setTimeout(() => setCopy('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copy]);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  const actions = (
    <div className="flex items-center gap-2">
      <Button className="px-2.5 py-1.5 text-xs" onClick={() => void onCopy()} disabled={writing} data-testid="report-copy">
        {copy === 'copied' ? <Check className="h-3.5 w-3.5 text-success" aria-hidden="true" /> : <Copy className="h-3.5 w-3.5" aria-hidden="true" />}
        {copy === 'copied' ? 'Copied' : copy === 'failed' ? 'Copy failed' : 'Copy'}
      </Button>
      <Button className="px-2.5 py-1.5 text-xs" onClick={() => downloadText(filename, text, 'text/markdown;charset=utf-8')} disabled={writing} data-testid="report-download">
        <Download className="h-3.5 w-3.5" aria-hidden="true" />
        Download
      </Button>
    </div>
  );

  return (
    <Card title="Report" icon={<FileText className="h-4 w-4 text-primary" aria-hidden="true" />} actions={actions} testId="report-result">
      {summary ? (
        <p className="mb-4 text-xs text-ink-muted" data-testid="report-summary">
          {summary}
        </p>
      ) : null}
      <Markdown text={text} testId="report-text" />
      {status === 'stopped' ? (
        <p className="mt-4 text-xs font-medium text-ink-muted" data-testid="report-stopped">
          Stopped: the report above is incomplete.
        </p>
      ) : null}
    </Card>
  );
}
