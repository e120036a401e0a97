import { describe, expect, it } from 'vitest';
import { degrees, graphOption, mergeViews, nodeColor, typesIn } from './graph';

const n = (id: string, type: string) => ({ id, label: id.split(':')[1] ?? id, type, metadata: {} });
const e = (source: string, target: string, type: string) => ({ source, target, type, label: '' });

describe('knowledge graph view', () => {
  const a = { nodes: [n('RiskFactor:x', 'RiskFactor'), n('Rule:y', 'Rule')], edges: [e('RiskFactor:x', 'Rule:y', 'TRIGGERS')] };
  const b = { nodes: [n('Rule:y', 'Rule'), n('Mitigant:m', 'Mitigant'), n('Custom:c', 'Custom')], edges: [e('RiskFactor:x', 'Rule:y', 'TRIGGERS'), e('Mitigant:m', 'Rule:y', 'OVERRIDES'), e('Rule:y', 'Custom:c', 'RELATES')] };

  it('merges views without repeating nodes or edges', () => {
    const merged = mergeViews(a, b);
    expect(merged.nodes.map((x) => x.id)).toEqual(['RiskFactor:x', 'Rule:y', 'Mitigant:m', 'Custom:c']);
    expect(merged.edges.map((x) => `${x.source}>${x.target}`)).toEqual(['RiskFactor:x>Rule:y', 'Mitigant:m>Rule:y', 'Rule:y>Custom:c']);
    expect(degrees(merged).get('Rule:y')).toBe(3);
    expect(typesIn(merged)).toEqual(['RiskFactor', 'Rule', 'Mitigant', 'Custom']);
  });

  it('colours nodes by type, dashes OVERRIDES edges and enlarges the selected node', () => {
    const option = graphOption(mergeViews(a, b), 'Rule:y') as { series: Array<{ categories: Array<{ name: string; itemStyle: { color: string } }>; data: Array<{ nodeId: string; category: number; symbolSize: number }>; links: Array<{ lineStyle: { type: string } }> }> };
    const s = option.series[0]!;
    expect(s.categories.map((c) => [c.name, c.itemStyle.color])).toEqual([
      ['RiskFactor', '#3498DB'],
      ['Rule', '#7F8C8D'],
      ['Mitigant', '#27AE60'],
      ['Custom', '#95A5A6'],
    ]);
    expect(s.links.map((l) => l.lineStyle.type)).toEqual(['solid', 'dashed', 'solid']);
    expect(s.data.map((d) => [d.nodeId, d.category, d.symbolSize])).toEqual([
      ['RiskFactor:x', 0, 14],
      ['Rule:y', 1, 32],
      ['Mitigant:m', 2, 14],
      ['Custom:c', 3, 14],
    ]);
    expect([nodeColor('Outcome'), nodeColor('Source')]).toEqual(['#E74C3C', '#D4AF37']);
  });
});
