import { useMemo } from 'react';
import { cn } from '../lib/cn';
import { renderMarkdown } from '../lib/markdown/render';

interface MarkdownProps {
  text: string;
  className?: string;
  testId?: string;
}

/** Markdown text as formatted content, built from React elements (never raw HTML). */
export function Markdown({ text, className, testId }: MarkdownProps) {
  const content = useMemo(() => renderMarkdown(text), [text]);
  return (
    <div className={cn('space-y-3 break-words text-sm leading-relaxed text-ink', className)} data-testid={testId}>
      {content}
    </div>
  );
}
