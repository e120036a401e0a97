import type { ReactNode } from 'react';
import { parseBlocks, type Block, type List } from './blocks';
import { parseInline, type Inline } from './inline';

/** Markdown headings sit under the page's own: # renders as h3, ## as h4, ### as h5. */
const HEADINGS = {
  1: { tag: 'h3', className: 'text-base font-semibold text-ink' },
  2: { tag: 'h4', className: 'text-sm font-semibold text-ink' },
  3: { tag: 'h5', className: 'text-sm font-semibold text-ink-secondary' },
} as const;

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'break':
        return <br key={i} />;
      case 'code':
        return (
          <code key={i} className="rounded bg-canvas px-1 py-0.5 font-mono text-[0.85em] text-ink ring-1 ring-line">
            {node.text}
          </code>
        );
      case 'strong':
        return <strong key={i} className="font-semibold">{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>;
      case 'link':
        return (
          <a key={i} href={node.href} target="_blank" rel="noreferrer" className="text-primary underline underline-offset-2 hover:text-primary-dark">
            {renderInline(node.children)}
          </a>
        );
    }
  });
}

function inline(text: string): ReactNode[] {
  return renderInline(parseInline(text));
}

function renderList(list: List, key: number | string): ReactNode {
  const items = list.items.map((item, i) => (
    <li key={i}>
      {inline(item.text)}
      {item.children ? renderList(item.children, 'sub') : null}
    </li>
  ));
  return list.ordered ? (
    <ol key={key} start={list.start === 1 ? undefined : list.start} className="list-decimal space-y-1 pl-5">
      {items}
    </ol>
  ) : (
    <ul key={key} className="list-disc space-y-1 pl-5">
      {items}
    </ul>
  );
}

function renderTable(block: Extract<Block, { type: 'table' }>, key: number): ReactNode {
  const align = (k: number) => block.align[k] ?? undefined;
  return (
    <div key={key} className="overflow-x-auto rounded-lg border">
      <table className="min-w-full text-left text-xs">
        <thead className="bg-canvas">
          <tr>
            {block.header.map((cell, k) => (
              <th key={k} style={{ textAlign: align(k) }} className="border-b px-3 py-2 font-semibold text-ink">
                {inline(cell)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, r) => (
            <tr key={r} className="border-b last:border-b-0">
              {row.map((cell, k) => (
                <td key={k} style={{ textAlign: align(k) }} className="px-3 py-2 align-top text-ink-secondary">
                  {inline(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.type) {
    case 'heading': {
      const { tag: Tag, className } = HEADINGS[block.level];
      return (
        <Tag key={key} className={className}>
          {inline(block.text)}
        </Tag>
      );
    }
    case 'paragraph':
      return <p key={key}>{inline(block.text)}</p>;
    case 'code':
      return (
        <pre key={key} className="overflow-x-auto rounded-lg bg-ink/[0.04] p-3 font-mono text-xs leading-relaxed text-ink ring-1 ring-line" data-lang={block.lang || undefined}>
          <code>{block.text}</code>
        </pre>
      );
    case 'list':
      return renderList(block.list, key);
    case 'table':
      return renderTable(block, key);
    case 'quote':
      return (
        <blockquote key={key} className="border-l-4 border-primary-pale pl-3 text-ink-secondary">
          {inline(block.text)}
        </blockquote>
      );
    case 'rule':
      return <hr key={key} className="border-line" />;
  }
}

/** Renders Markdown as React elements; no HTML in the text is ever interpreted. */
export function renderMarkdown(src: string): ReactNode[] {
  return parseBlocks(src).map(renderBlock);
}
