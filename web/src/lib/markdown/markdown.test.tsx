import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../components/Markdown';
import { parseBlocks } from './blocks';
import { parseInline, safeHref } from './inline';

function html(text: string): HTMLElement {
  return render(<Markdown text={text} />).container;
}

describe('inline markdown', () => {
  it('parses bold, italics, code and links', () => {
    expect(parseInline('a **b** *c* _d_ `e*f*`')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'd' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'e*f*' },
    ]);
  });

  it('leaves snake_case names, lone stars and escaped markers as text', () => {
    expect(parseInline('answer_relevancy_score and faithfulness_score')).toEqual([{ type: 'text', text: 'answer_relevancy_score and faithfulness_score' }]);
    expect(parseInline('2 * 3 * 4')).toEqual([{ type: 'text', text: '2 * 3 * 4' }]);
    expect(parseInline('\\*not em\\*')).toEqual([{ type: 'text', text: '*not em*' }]);
  });

  it('accepts only http, https and mailto hrefs', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('mailto:team@example.org')).toBe('mailto:team@example.org');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
  });
});

describe('block markdown', () => {
  it('splits headings, paragraphs, code, lists, tables, quotes and rules', () => {
    const blocks = parseBlocks('# Title\nIntro line\nsecond line\n\n```ts\nconst a = 1;\n```\n- one\n- two\n\n| A | B |\n|:--|--:|\n| 1 | 2 |\n\n> quoted\n\n---');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'code', 'list', 'table', 'quote', 'rule']);
    expect(blocks[1]).toEqual({ type: 'paragraph', text: 'Intro line\nsecond line' });
    expect(blocks[2]).toEqual({ type: 'code', lang: 'ts', text: 'const a = 1;' });
    expect(blocks[4]).toEqual({ type: 'table', align: ['left', 'right'], header: ['A', 'B'], rows: [['1', '2']] });
  });

  it('nests an indented list under the item before it', () => {
    const [block] = parseBlocks('1. First\n   - a\n   - b\n2. Second\n\n3. Third');
    expect(block).toEqual({
      type: 'list',
      list: {
        ordered: true,
        start: 1,
        items: [
          { text: 'First', children: { ordered: false, start: 1, items: [{ text: 'a', children: null }, { text: 'b', children: null }] } },
          { text: 'Second', children: null },
          { text: 'Third', children: null },
        ],
      },
    });
  });

  it('keeps an unclosed fence (a streaming answer) as code to the end', () => {
    expect(parseBlocks('Text\n```\npartial')).toEqual([
      { type: 'paragraph', text: 'Text' },
      { type: 'code', lang: '', text: 'partial' },
    ]);
  });
});

describe('Markdown component', () => {
  it('renders elements for each construct', () => {
    const root = html('# Report\n## Findings\n### Detail\nSee **this** and *that* in `code`.\n\n- a\n  - nested\n\n1. x\n2. y\n\n| Metric | Score |\n|---|---|\n| faithfulness | 0.7 |\n\n```\nraw **text**\n```\n\n[docs](https://example.org)');
    expect(root.querySelector('h3')?.textContent).toBe('Report');
    expect(root.querySelector('h4')?.textContent).toBe('Findings');
    expect(root.querySelector('h5')?.textContent).toBe('Detail');
    expect(root.querySelector('strong')?.textContent).toBe('this');
    expect(root.querySelector('em')?.textContent).toBe('that');
    expect(root.querySelector('p code')?.textContent).toBe('code');
    expect(root.querySelector('ul ul li')?.textContent).toBe('nested');
    expect(root.querySelectorAll('ol li')).toHaveLength(2);
    expect([...root.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Metric', 'Score']);
    expect([...root.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['faithfulness', '0.7']);
    expect(root.querySelector('pre code')?.textContent).toBe('raw **text**');
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.org');
    expect(link.getAttribute('rel')).toBe('noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('shows HTML and javascript: links as text', () => {
    const root = html('<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))');
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toContain('<script>alert(1)</script>');
    expect(root.textContent).toContain('[click](javascript:alert(1))');
  });

  it('turns single newlines in a paragraph into line breaks', () => {
    const root = html('one\ntwo');
    expect(root.querySelectorAll('p br')).toHaveLength(1);
  });
});
