// The knowledge graph (/api/memory/graph) against both backends: the embedded DuckDB graph
// filled by import, and a fake FalkorDB (lib/fake_falkordb.mjs) given the same graph. Every case
// must give identical JSON on both, with values worked out by hand for the 12-node graph below.
// Plus import validation (JSON and CSV), status while FalkorDB is down and after it is back,
// values reaching FalkorDB as bound parameters, and the parameter limits.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakeFalkor } from './lib/fake_falkordb.mjs';
import { GRAPH_ROUTES } from './lib/reply_routes.mjs';
import { ReplySchemas } from './lib/reply_schemas.mjs';
import { startServer } from './lib/server.mjs';

const n = (label, name, props) => ({ label, name, ...(props ? { props } : {}) });
const e = (source, target, type, props) => ({ source, target, type, ...(props ? { props } : {}) });

// 12 nodes (one isolated), 11 edges.
const GRAPH = {
  nodes: [
    n('RiskFactor', 'High DTI'), n('RiskFactor', 'Late Payments'),
    n('Rule', 'Decline High DTI', { action: 'decline', product_type: 'auto', threshold: 45 }),
    n('Rule', 'Refer Late Payments', { action: 'refer', product_type: 'mortgage' }),
    n('Rule', 'Verify Income', { action: 'verify', product_type: 'auto' }),
    n('Outcome', 'Application Declined'), n('Outcome', 'Manual Review', { sla: '48h' }),
    n('Mitigant', 'Large Down Payment'), n('Mitigant', 'Co-signer'),
    n('Source', 'Credit Policy 4.2', { page: 12 }), n('Source', 'Underwriting Guide'),
    n('Outcome', 'Orphan Outcome'),
  ],
  edges: [
    e('RiskFactor:high_dti', 'Rule:decline_high_dti', 'TRIGGERS', { label: 'DTI > 45%' }),
    e('Rule:decline_high_dti', 'Outcome:application_declined', 'RESULTS_IN'),
    e('Mitigant:large_down_payment', 'Rule:decline_high_dti', 'OVERRIDES'),
    e('Rule:decline_high_dti', 'Source:credit_policy_4_2', 'DERIVED_FROM'),
    e('RiskFactor:late_payments', 'Rule:refer_late_payments', 'TRIGGERS'),
    e('Rule:refer_late_payments', 'Outcome:manual_review', 'RESULTS_IN'),
    e('Mitigant:co_signer', 'Rule:refer_late_payments', 'OVERRIDES'),
    e('Rule:refer_late_payments', 'Source:underwriting_guide', 'DERIVED_FROM'),
    e('RiskFactor:high_dti', 'Rule:verify_income', 'TRIGGERS'),
    e('Rule:verify_income', 'Outcome:manual_review', 'RESULTS_IN'),
    e('Rule:verify_income', 'Source:credit_policy_4_2', 'DERIVED_FROM'),
  ],
};

// The expected JSON of every node, by id.
const NODE = {
  high_dti: { id: 'RiskFactor:high_dti', label: 'High DTI', type: 'RiskFactor', metadata: {} },
  late: { id: 'RiskFactor:late_payments', label: 'Late Payments', type: 'RiskFactor', metadata: {} },
  decline: { id: 'Rule:decline_high_dti', label: 'Decline High DTI', type: 'Rule',
    metadata: { action: 'decline', product_type: 'auto', threshold: '45' } },
  refer: { id: 'Rule:refer_late_payments', label: 'Refer Late Payments', type: 'Rule',
    metadata: { action: 'refer', product_type: 'mortgage' } },
  verify: { id: 'Rule:verify_income', label: 'Verify Income', type: 'Rule',
    metadata: { action: 'verify', product_type: 'auto' } },
  declined: { id: 'Outcome:application_declined', label: 'Application Declined', type: 'Outcome', metadata: {} },
  review: { id: 'Outcome:manual_review', label: 'Manual Review', type: 'Outcome', metadata: { sla: '48h' } },
  ldp: { id: 'Mitigant:large_down_payment', label: 'Large Down Payment', type: 'Mitigant', metadata: {} },
  cosigner: { id: 'Mitigant:co_signer', label: 'Co-signer', type: 'Mitigant', metadata: {} },
  policy: { id: 'Source:credit_policy_4_2', label: 'Credit Policy 4.2', type: 'Source', metadata: { page: '12' } },
  guide: { id: 'Source:underwriting_guide', label: 'Underwriting Guide', type: 'Source', metadata: {} },
};
const edge = (s, t, type, label = '') => ({ source: NODE[s].id, target: NODE[t].id, type, label });
const E = {
  e1: edge('high_dti', 'decline', 'TRIGGERS', 'DTI > 45%'), e2: edge('decline', 'declined', 'RESULTS_IN'),
  e3: edge('ldp', 'decline', 'OVERRIDES'), e4: edge('decline', 'policy', 'DERIVED_FROM'),
  e5: edge('late', 'refer', 'TRIGGERS'), e6: edge('refer', 'review', 'RESULTS_IN'),
  e7: edge('cosigner', 'refer', 'OVERRIDES'), e8: edge('refer', 'guide', 'DERIVED_FROM'),
  e9: edge('high_dti', 'verify', 'TRIGGERS'), e10: edge('verify', 'review', 'RESULTS_IN'),
  e11: edge('verify', 'policy', 'DERIVED_FROM'),
};
const nodes = (...keys) => keys.map((k) => NODE[k]);
const edges = (...keys) => keys.map((k) => E[k]);

// [path, expected reply] pairs checked on both backends.
const CASES = [
  ['/api/memory/graph/summary', {
    success: true, total_nodes: 12, total_edges: 11,
    nodes_by_type: { RiskFactor: 2, Rule: 3, Outcome: 3, Mitigant: 2, Source: 2 },
    edges_by_relation: { TRIGGERS: 3, RESULTS_IN: 3, OVERRIDES: 2, DERIVED_FROM: 3 },
    rules_by_action: { decline: 1, refer: 1, verify: 1 }, rules_by_product: { auto: 2, mortgage: 1 },
  }],
  ['/api/memory/graph?limit=3', { success: true, data: {
    nodes: nodes('high_dti', 'decline', 'declined', 'ldp'), edges: edges('e1', 'e2', 'e3'),
    node_counts: { RiskFactor: 1, Rule: 1, Outcome: 1, Mitigant: 1 },
    edge_counts: { TRIGGERS: 1, RESULTS_IN: 1, OVERRIDES: 1 } } }],
  ['/api/memory/graph/', { success: true, data: {
    nodes: nodes('high_dti', 'decline', 'declined', 'ldp', 'policy', 'late', 'refer', 'review', 'cosigner', 'guide', 'verify'),
    edges: edges('e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11'),
    node_counts: { RiskFactor: 2, Rule: 3, Outcome: 2, Mitigant: 2, Source: 2 },
    edge_counts: { TRIGGERS: 3, RESULTS_IN: 3, OVERRIDES: 2, DERIVED_FROM: 3 } } }],
  ['/api/memory/graph?risk_factor=High%20DTI&action=refer', { success: true, data: {
    nodes: nodes('high_dti', 'decline', 'verify'), edges: edges('e1', 'e9'),
    node_counts: { RiskFactor: 1, Rule: 2 }, edge_counts: { TRIGGERS: 2 } } }],
  ['/api/memory/graph?action=refer', { success: true, data: {
    nodes: nodes('late', 'refer', 'review', 'cosigner', 'guide'), edges: edges('e5', 'e6', 'e7', 'e8'),
    node_counts: { RiskFactor: 1, Rule: 1, Outcome: 1, Mitigant: 1, Source: 1 },
    edge_counts: { TRIGGERS: 1, RESULTS_IN: 1, OVERRIDES: 1, DERIVED_FROM: 1 } } }],
  ['/api/memory/graph?product_type=auto&node_type=Source', { success: true, data: {
    nodes: nodes('decline', 'policy', 'verify'), edges: edges('e4', 'e11'),
    node_counts: { Rule: 2, Source: 1 }, edge_counts: { DERIVED_FROM: 2 } } }],
  ['/api/memory/graph?node_type=Mitigant', { success: true, data: {
    nodes: nodes('ldp', 'decline', 'cosigner', 'refer'), edges: edges('e3', 'e7'),
    node_counts: { Mitigant: 2, Rule: 2 }, edge_counts: { OVERRIDES: 2 } } }],
  ['/api/memory/graph/search?q=IN', { success: true, query: 'IN', total: 4, results: [
    { node_id: 'Rule:decline_high_dti', label: 'Decline High DTI', type: 'Rule', connected_nodes: 4,
      snippet: 'action: decline; product_type: auto; threshold: 45' },
    { node_id: 'Rule:verify_income', label: 'Verify Income', type: 'Rule', connected_nodes: 3,
      snippet: 'action: verify; product_type: auto' },
    { node_id: 'Outcome:application_declined', label: 'Application Declined', type: 'Outcome',
      connected_nodes: 1, snippet: 'Outcome' },
    { node_id: 'Source:underwriting_guide', label: 'Underwriting Guide', type: 'Source',
      connected_nodes: 1, snippet: 'Source' }] }],
  ['/api/memory/graph/search?q=orphan&limit=1', { success: true, query: 'orphan', total: 1, results: [
    { node_id: 'Outcome:orphan_outcome', label: 'Orphan Outcome', type: 'Outcome', connected_nodes: 0, snippet: 'Outcome' }] }],
  ['/api/memory/graph/neighborhood?node_id=Mitigant:large_down_payment', { success: true,
    focal_node: NODE.ldp, nodes: nodes('ldp', 'decline'), edges: edges('e3'), depth: 1 }],
  ['/api/memory/graph/neighborhood?node_id=Mitigant:large_down_payment&depth=2', { success: true,
    focal_node: NODE.ldp, nodes: nodes('ldp', 'high_dti', 'decline', 'declined', 'policy'),
    edges: edges('e1', 'e2', 'e3', 'e4'), depth: 2 }],
  ['/api/memory/graph/neighborhood?node_id=Mitigant:large_down_payment&depth=3', { success: true,
    focal_node: NODE.ldp, nodes: nodes('ldp', 'high_dti', 'decline', 'declined', 'policy', 'verify'),
    edges: edges('e1', 'e2', 'e3', 'e4', 'e9', 'e11'), depth: 3 }],
];

// [path, status, detail] refusals, the same on both backends.
const REFUSALS = [
  ['/api/memory/graph/neighborhood?node_id=nocolon', 400, "Invalid node_id format: nocolon. Expected 'Label:slug'."],
  ['/api/memory/graph/neighborhood?node_id=Rule:nope', 400, 'Node not found: Rule:nope'],
  ['/api/memory/graph/neighborhood?node_id=Planet:x', 400, 'Node not found: Planet:x'],
  ['/api/memory/graph?limit=2001', 422], ['/api/memory/graph?limit=0', 422],
  ['/api/memory/graph?node_type=Planet', 422],
  ['/api/memory/graph/search', 422], ['/api/memory/graph/search?q=a&limit=101', 422],
  ['/api/memory/graph/neighborhood?node_id=Rule:verify_income&depth=4', 422],
  ['/api/memory/graph/neighborhood?node_id=Rule:verify_income&depth=0', 422],
  ['/api/memory/graph/neighborhood', 422],
];

async function send(server, path, init) {
  const res = await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = text; }
  return { status: res.status, json };
}
const postJson = (server, path, body) => send(server, path, {
  method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

let schemas;
const routeOf = (path) => `${path.includes('/import') ? 'POST' : 'GET'} ${path.split('?')[0]}`;

let embedded;
let falkorServer;
let fake;
const PASSWORD = 'p@ss "word"';

before(async () => {
  embedded = await startServer();
  schemas = new ReplySchemas(await (await fetch(`${embedded.url}/openapi.json`)).json());
  fake = await startFakeFalkor({ graph: GRAPH, password: PASSWORD });
  falkorServer = await startServer({ env: { GRAPH_DB_HOST: '127.0.0.1', GRAPH_DB_PORT: String(fake.port),
    GRAPH_DB_PASSWORD: PASSWORD } });
  const imported = await postJson(embedded, '/api/memory/graph/import', GRAPH);
  assert.equal(imported.status, 200, JSON.stringify(imported.json));
  schemas.check('POST /api/memory/graph/import', imported.json);
  assert.deepEqual(imported.json, { success: true, format: 'json', nodes: 12, edges: 11, total_nodes: 12, total_edges: 11 });
});

after(async () => {
  await embedded?.stop();
  await falkorServer?.stop();
  await fake?.stop().catch(() => {});
});

describe('both backends give the same, hand-computed JSON', () => {
  for (const [path, expected] of CASES) {
    test(path, async () => {
      const a = await send(embedded, path);
      const b = await send(falkorServer, path);
      assert.equal(a.status, 200, JSON.stringify(a.json));
      assert.equal(b.status, 200, JSON.stringify(b.json));
      assert.deepStrictEqual(a.json, expected);
      assert.deepStrictEqual(b.json, expected);
      schemas.check(routeOf(path), a.json);
    });
  }
  for (const [path, status, detail] of REFUSALS) {
    test(`${path} → ${status}`, async () => {
      for (const server of [embedded, falkorServer]) {
        const r = await send(server, path);
        assert.equal(r.status, status, JSON.stringify(r.json));
        if (detail) assert.equal(r.json.detail, detail);
        else assert.ok(Array.isArray(r.json.detail) && r.json.detail.length > 0);
      }
    });
  }
});

describe('FalkorDB backend', () => {
  test('status tells the truth while FalkorDB is up, down and back', async () => {
    const up = await send(falkorServer, '/api/memory/graph/status');
    assert.deepEqual(up.json, { success: true, connected: true, graph_name: 'knowledge_graph', message: 'Connected to FalkorDB' });
    schemas.check('GET /api/memory/graph/status', up.json);
    assert.ok(fake.commands.includes('AUTH'));
    await fake.stop();
    const down = await send(falkorServer, '/api/memory/graph/status');
    assert.equal(down.status, 200);
    assert.equal(down.json.connected, false);
    assert.match(down.json.message, /^Connection failed: /);
    const failed = await send(falkorServer, '/api/memory/graph/summary');
    assert.equal(failed.status, 500);
    await fake.start();
    const back = await send(falkorServer, '/api/memory/graph/status');
    assert.equal(back.json.connected, true);
    assert.equal((await send(falkorServer, '/api/memory/graph/summary')).json.total_nodes, 12);
  });

  test('a dropped connection is reopened', async () => {
    fake.dropConnections();
    let last;
    for (let attempt = 0; attempt < 2; attempt++) {
      last = await send(falkorServer, '/api/memory/graph/search?q=verify');
      if (last.status === 200) break;
    }
    assert.equal(last.status, 200);
    assert.equal(last.json.results[0].node_id, 'Rule:verify_income');
  });

  test('values reach FalkorDB as bound parameters, never as query text', async () => {
    const hostile = `x' OR 1=1 //"} MATCH (n) DETACH DELETE n`;
    const r = await send(falkorServer, `/api/memory/graph/search?q=${encodeURIComponent(hostile)}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.results, []);
    const q = fake.queries.at(-1);
    assert.equal(q.params.q, hostile.toLowerCase());
    assert.ok(!q.cypher.includes('1=1') && !q.cypher.includes('DELETE'), q.cypher);
    const rf = await send(falkorServer, `/api/memory/graph?risk_factor=${encodeURIComponent(hostile)}`);
    assert.equal(rf.status, 200);
    const last = fake.queries.at(-1);
    assert.deepEqual(last.params, { rf: hostile, limit: 500 });
    assert.equal(last.cypher, 'MATCH (rf:RiskFactor {name: $rf})-[r]-(m) RETURN rf, r, m LIMIT $limit');
  });

  test('imports are refused: FalkorDB is written by its own pipeline', async () => {
    const r = await postJson(falkorServer, '/api/memory/graph/import', GRAPH);
    assert.equal(r.status, 409);
    assert.match(r.json.detail, /FalkorDB/);
  });
});

describe('import into the embedded graph', () => {
  test('refusals list every problem and change nothing', async () => {
    const r = await postJson(embedded, '/api/memory/graph/import', {
      nodes: [n('Planet', 'Mars'), n('Rule', 'A')],
      edges: [e('Rule:a', 'Rule:zzz', 'TRIGGERS'), e('Rule:a', 'Rule:a', 'LIKES')] });
    assert.equal(r.status, 422);
    const msgs = r.json.detail.map((d) => d.msg);
    assert.deepEqual(msgs, [
      'Unknown node label(s): Planet. Allowed: RiskFactor, Rule, Outcome, Mitigant, Source',
      'Unknown relation type(s): LIKES. Allowed: TRIGGERS, RESULTS_IN, OVERRIDES, DERIVED_FROM',
      '1 edge(s) name a node the import lacks: Rule:a -> Rule:zzz']);
    const missing = await postJson(embedded, '/api/memory/graph/import', { nodes: [{ label: 'Rule' }] });
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.json.detail[0].loc, ['body', 'nodes', 0, 'name']);
    assert.equal((await send(embedded, '/api/memory/graph/summary')).json.total_nodes, 12);
  });

  test('a CSV import replaces the imported graph', async () => {
    const form = new FormData();
    form.append('nodes', new Blob(['label,name,action,product_type\nRiskFactor,Thin File,,\n'
      + 'Rule,Refer Thin File,refer,card\nRule,refer thin file,decline,card\nOutcome,Review,,\n']), 'nodes.csv');
    form.append('edges', new Blob(['source,target,type,label\nRiskFactor:thin_file,Rule:refer_thin_file,TRIGGERS,new\n'
      + 'RiskFactor:thin_file,Rule:refer_thin_file,TRIGGERS,again\nRule:refer_thin_file,Outcome:review,RESULTS_IN,\n']), 'edges.csv');
    const r = await send(embedded, '/api/memory/graph/import', { method: 'POST', body: form });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.deepEqual(r.json, { success: true, format: 'csv', nodes: 3, edges: 2, total_nodes: 3, total_edges: 2 });
    const summary = await send(embedded, '/api/memory/graph/summary');  // not the cached one
    assert.deepEqual([summary.json.total_nodes, summary.json.total_edges, summary.json.rules_by_action],
      [3, 2, { refer: 1 }]);
    const g = await send(embedded, '/api/memory/graph');
    assert.deepEqual(g.json.data.nodes[1], { id: 'Rule:refer_thin_file', label: 'Refer Thin File', type: 'Rule',
      metadata: { action: 'refer', product_type: 'card' } });
    assert.deepEqual(g.json.data.edges[0], { source: 'RiskFactor:thin_file', target: 'Rule:refer_thin_file', type: 'TRIGGERS', label: 'new' });
    // The repeats are gone from what the in-memory graph serves too, and after a restart.
    const hood = '/api/memory/graph/neighborhood?node_id=RiskFactor:thin_file&depth=2';
    const expected = { nodes: ['RiskFactor:thin_file', 'Rule:refer_thin_file', 'Outcome:review'],
      edges: ['TRIGGERS new', 'RESULTS_IN '] };
    const shape = (j) => ({ nodes: j.nodes.map((x) => x.id), edges: j.edges.map((x) => `${x.type} ${x.label}`) });
    assert.deepEqual(shape((await send(embedded, hood)).json), expected);
    await embedded.stop();
    embedded = await startServer({ dataDir: embedded.dataDir, customDir: embedded.customDir });
    assert.deepEqual(shape((await send(embedded, hood)).json), expected);
    assert.deepEqual((await send(embedded, '/api/memory/graph/search?q=refer')).json.results
      .map((x) => [x.node_id, x.label, x.connected_nodes]), [['Rule:refer_thin_file', 'Refer Thin File', 2]]);
    const bad = new FormData();
    bad.append('nodes', new Blob(['label,title\nRule,x\n']), 'nodes.csv');
    bad.append('edges', new Blob(['source,target,type\n']), 'edges.csv');
    const refused = await send(embedded, '/api/memory/graph/import', { method: 'POST', body: bad });
    assert.equal(refused.status, 422);
    assert.match(refused.json.detail[0].msg, /lacks the column\(s\): name/);
    // Back to the shared graph for the other tests.
    assert.equal((await postJson(embedded, '/api/memory/graph/import', GRAPH)).status, 200);
  });
});

test('every graph route with a reply schema was checked', () => {
  assert.deepEqual([...schemas.exercised].sort(), [...GRAPH_ROUTES].sort());
});
