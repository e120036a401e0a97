// The memory plugin's rule library (/api/memory): upload, every read view with values worked out
// by hand from the CSV below, rule changes, refused files, persistence across a restart, the
// deprecated /api/config/memory alias, the plugin switched off and the store disabled.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MEMORY_ROUTES } from './lib/reply_routes.mjs';
import { ReplySchemas } from './lib/reply_schemas.mjs';
import { csvForm, startServer } from './lib/server.mjs';

const servers = [];
let server;
let schemas;

after(async () => {
  for (const s of servers) await s.stop();
});

async function send(path, { method = 'GET', body, form } = {}, target = server) {
  const init = { method };
  if (form) init.body = form;
  else if (body !== undefined) Object.assign(init, { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const res = await fetch(`${target.url}${path}`, init);
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { json = text; }
  return { status: res.status, json, headers: res.headers };
}

// A 200 reply, checked against the schema of `route`.
async function ok(route, path, options, target = server) {
  const { status, json } = await send(path, { method: route.split(' ')[0], ...options }, target);
  assert.equal(status, 200, `${route}: ${JSON.stringify(json).slice(0, 500)}`);
  return schemas.check(route, json);
}

const upload = (csv, name = 'rules.csv') => ok('POST /api/memory/upload', '/api/memory/upload', { form: csvForm(csv, name) });

const HEADER = 'id,rule_name,action,risk_category,risk_factor,product_type,decision_quality,threshold_type,threshold,' +
  'outcome_description,mitigants,ingestion_status,batch_id,created_at';
const RULES_CSV = [
  HEADER,
  'r1,DTI high,decline,affordability,dti,mortgage,aligned,hard,dti > 0.45,Decline,[],ingested,b1,2026-01-02T00:00:00Z',
  `r2,DTI with insurance,approve_with_conditions,affordability,dti,mortgage,divergent,soft,dti > 0.45,Approve with MI,"['mortgage_insurance', 'co_signer']",ingested,b1,2026-01-01T00:00:00Z`,
  'r3,Fraud,decline,fraud,fraud_flag,card,aligned,hard,id mismatch,Decline,,pending,b2,2026-02-01T00:00:00Z',
  'r4,Score low,refer,credit,score,card,partial,soft,score < 580,Refer,"[""co_signer""]",failed,b2,',
  'r5,Score auto,refer,credit,score,auto,aligned,hard,score < 500,Refer,"co_signer, collateral",ingested,b1,2026-01-03T00:00:00Z',
].join('\n') + '\n';

// The record every route returns for a row of RULES_CSV: all 23 roles, absent columns "".
const record = (id, name, action, category, factor, product, quality, type, threshold, description, mitigants, status, batch, created) => ({
  id, name, action, category, group_by: factor, product, quality, threshold_type: type, threshold_value: threshold,
  description, mitigants, status, batch, agent: '', created_at: created, confidence: '', compound_trigger: '',
  source: '', source_type: '', historical_exceptions: '', data_fields: [], ingestion_error: '', ingested_at: '',
});
const R1 = record('r1', 'DTI high', 'decline', 'affordability', 'dti', 'mortgage', 'aligned', 'hard', 'dti > 0.45', 'Decline', [], 'ingested', 'b1', '2026-01-02T00:00:00Z');
const R2 = record('r2', 'DTI with insurance', 'approve_with_conditions', 'affordability', 'dti', 'mortgage', 'divergent', 'soft', 'dti > 0.45', 'Approve with MI', ['mortgage_insurance', 'co_signer'], 'ingested', 'b1', '2026-01-01T00:00:00Z');
const R3 = record('r3', 'Fraud', 'decline', 'fraud', 'fraud_flag', 'card', 'aligned', 'hard', 'id mismatch', 'Decline', [], 'pending', 'b2', '2026-02-01T00:00:00Z');
const R4 = record('r4', 'Score low', 'refer', 'credit', 'score', 'card', 'partial', 'soft', 'score < 580', 'Refer', ['co_signer'], 'failed', 'b2', '');
const R5 = record('r5', 'Score auto', 'refer', 'credit', 'score', 'auto', 'aligned', 'hard', 'score < 500', 'Refer', ['co_signer, collateral'], 'ingested', 'b1', '2026-01-03T00:00:00Z');

const SUMMARY = {
  rules_count: 5,
  risk_factors_count: 3,  // dti, fraud_flag, score
  mitigants_count: 3,     // mortgage_insurance, co_signer, "co_signer, collateral" (no comma split)
  hard_stops_count: 2,    // r1 and r3: decline without mitigants
  // decline and refer both have 2: decline was seen first; colours by rank
  rules_by_action: [
    { action: 'decline', count: 2, color: '#3498DB' },
    { action: 'refer', count: 2, color: '#E74C3C' },
    { action: 'approve_with_conditions', count: 1, color: '#F39C12' },
  ],
  rules_by_product: [{ product: 'mortgage', count: 2 }, { product: 'card', count: 2 }, { product: 'auto', count: 1 }],
};
const FILTERS = {
  action: ['approve_with_conditions', 'decline', 'refer'],
  product: ['auto', 'card', 'mortgage'],
  category: ['affordability', 'credit', 'fraud'],
  threshold_type: ['hard', 'soft'],
  status: ['failed', 'ingested', 'pending'],
  batch: ['b1', 'b2'],
};

before(async () => {
  server = await startServer();
  servers.push(server);
  schemas = new ReplySchemas(await (await fetch(`${server.url}/openapi.json`)).json());
});

describe('memory rule library', () => {
  test('an upload replaces the rule set and every view reads it', async () => {
    const up = await upload(RULES_CSV);
    assert.deepEqual(up, {
      success: true, format: 'memory', row_count: 5, columns: HEADER.split(','),
      data: [R1, R2, R3, R4, R5], filters_available: FILTERS, summary: SUMMARY, message: null,
    });
    assert.deepEqual(await ok('GET /api/memory/summary', '/api/memory/summary'), SUMMARY);
    assert.deepEqual(await ok('GET /api/memory/rules', '/api/memory/rules'), { data: [R1, R2, R3, R4, R5], total: 5, filters_available: FILTERS });
    assert.deepEqual(await ok('GET /api/memory/rules', '/api/memory/rules?product=card&batch=b2&action=&unknown=x&group_by=dti'),
      { data: [R3, R4], total: 2, filters_available: FILTERS });
    assert.deepEqual(await ok('GET /api/memory/rules/quality', '/api/memory/rules/quality'),
      { aligned: [R1, R3, R5], divergent: [R2], partial: [R4] });
    assert.deepEqual(await ok('GET /api/memory/rules/soft-thresholds', '/api/memory/rules/soft-thresholds'), { data: [R2, R4] });
    assert.deepEqual(await ok('GET /api/memory/hard-stops', '/api/memory/hard-stops'), { data: [R1, R3] });
    assert.deepEqual(await ok('GET /api/memory/batches', '/api/memory/batches'), {
      data: [
        { batch_id: 'b1', rules_count: 3, created_at: '2026-01-01T00:00:00Z', statuses: { ingested: 3 }, risk_categories: ['affordability', 'credit'] },
        { batch_id: 'b2', rules_count: 2, created_at: '2026-02-01T00:00:00Z', statuses: { pending: 1, failed: 1 }, risk_categories: ['credit', 'fraud'] },
      ],
    });
    assert.deepEqual(await ok('GET /api/memory/trace', '/api/memory/trace?rule_id=r2'), {
      group_by: 'dti', name: 'DTI with insurance', action: 'approve_with_conditions', description: 'Approve with MI',
      mitigants: ['mortgage_insurance', 'co_signer'], threshold_value: 'dti > 0.45', threshold_type: 'soft',
    });
    assert.deepEqual(await ok('GET /api/memory/conflicts', '/api/memory/conflicts'), {
      data: [{
        risk_factor: 'dti',
        conflicting_rules: [{ rule_name: 'DTI high', action: 'decline' }, { rule_name: 'DTI with insurance', action: 'approve_with_conditions' }],
        description: "Risk factor 'dti' has contradictory actions: approve_with_conditions, decline",
      }],
      has_conflicts: true,
    });
    assert.deepEqual(await ok('GET /api/memory/status-counts', '/api/memory/status-counts'), { data: { ingested: 3, pending: 1, failed: 1 } });

    let res = await send('/api/memory/trace');
    assert.equal(res.status, 422);
    assert.deepEqual(res.json.detail[0].loc, ['query', 'rule_id']);
    res = await send('/api/memory/trace?rule_id=nope');
    assert.equal(res.status, 404);
    assert.equal(res.json.detail, 'Rule nope not found');
  });

  test('refused files change nothing', async () => {
    await upload(RULES_CSV);
    const before = await send('/api/memory/rules');
    let res = await send('/api/memory/upload', { method: 'POST', form: csvForm(Buffer.from(`${HEADER}\nr9,Caf\xe9,decline,a,b,c,d,e,f,g,[],h,b9,\n`, 'latin1'), 'latin.csv') });
    assert.equal(res.status, 400);
    assert.equal(res.json.detail, 'File must be UTF-8 encoded CSV');
    res = await send('/api/memory/upload', { method: 'POST', form: csvForm(Buffer.from('id,rule_name\n\xff,x\n', 'latin1'), 'latin.csv') });
    assert.equal(res.status, 400);
    assert.equal(res.json.detail, 'File must be UTF-8 encoded CSV');
    const missing = await upload('id,rule_name,action\nz,Z,decline\n');
    assert.equal(missing.success, false);
    assert.equal(missing.row_count, 0);
    assert.deepEqual(missing.columns, ['id', 'rule_name', 'action']);
    assert.equal(missing.message, "Missing required columns: 'batch_id' (for role 'batch'), 'ingestion_status' (for role 'status')");
    // A BOM stays in the first column's name, so "id" is missing.
    const bom = await upload('\ufeffid,rule_name,action,batch_id,ingestion_status\nz,Z,decline,b,s\n');
    assert.equal(bom.success, false);
    assert.equal(bom.columns[0], '\ufeffid');
    assert.equal(bom.message, "Missing required columns: 'id' (for role 'id')");
    const empty = await upload(`${HEADER}\n`);
    assert.deepEqual(empty, {
      success: true, format: 'memory', row_count: 0, columns: [], data: [], filters_available: {},
      summary: { rules_count: 0, risk_factors_count: 0, mitigants_count: 0, hard_stops_count: 0, rules_by_action: [], rules_by_product: [] },
      message: 'CSV was empty',
    });
    res = await send('/api/memory/upload', { method: 'POST', form: csvForm(RULES_CSV, 'rules.txt') });
    assert.equal(res.status, 400);
    res = await send('/api/memory/upload', { method: 'POST', form: csvForm('', 'rules.csv') });
    assert.equal(res.status, 400);
    assert.deepEqual(await send('/api/memory/rules'), before);
  });

  test('rules are created first, changed and deleted', async () => {
    await upload(RULES_CSV);
    const created = await ok('POST /api/memory/rules', '/api/memory/rules', {
      body: { name: 'Manual', action: 'approve', group_by: 'dti', product: 'mortgage', id: 'x', batch: 'b9', status: 'done', confidence: 0.9, agent: null },
    });
    assert.equal(created.success, true);
    const rule = created.data;
    assert.match(rule.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(rule.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    assert.ok(Math.abs(Date.parse(rule.created_at) - Date.now()) < 60000);
    assert.deepEqual({ ...rule, id: 'ID', created_at: 'T' }, {
      ...record('ID', 'Manual', 'approve', '', 'dti', 'mortgage', '', '', '', '', [], 'pending', 'manual', 'T'), confidence: 0.9,
    });
    const rules = await send('/api/memory/rules');
    assert.deepEqual(rules.json.data.map((r) => r.id), [rule.id, 'r1', 'r2', 'r3', 'r4', 'r5']);
    assert.deepEqual((await send('/api/memory/conflicts')).json.data[0], {
      risk_factor: 'dti',
      conflicting_rules: [{ rule_name: 'Manual', action: 'approve' }, { rule_name: 'DTI high', action: 'decline' },
        { rule_name: 'DTI with insurance', action: 'approve_with_conditions' }],
      description: "Risk factor 'dti' has contradictory actions: approve, approve_with_conditions, decline",
    });

    let res = await send('/api/memory/rules', { method: 'POST', body: { description: 'x', name: null } });
    assert.equal(res.status, 400);
    assert.equal(res.json.detail, 'Missing required fields: name, action');
    res = await send('/api/memory/rules', { method: 'POST', body: [1] });
    assert.equal(res.status, 422);

    const changed = await ok('PUT /api/memory/rules/{id}', '/api/memory/rules/r3', { body: { mitigants: "['two_factor_id']", name: null, unknown: 'y' } });
    assert.deepEqual(changed, { success: true, data: { ...R3, mitigants: ['two_factor_id'] } });
    assert.deepEqual((await send('/api/memory/hard-stops')).json, { data: [R1] });
    res = await send('/api/memory/rules/nope', { method: 'PUT', body: { name: 'n' } });
    assert.equal(res.status, 404);
    assert.equal(res.json.detail, 'Rule nope not found');

    assert.deepEqual(await ok('DELETE /api/memory/rules/{id}', '/api/memory/rules/r5', { method: 'DELETE' }), { success: true, id: 'r5' });
    res = await send('/api/memory/rules/r5', { method: 'DELETE' });
    assert.equal(res.status, 404);
    assert.equal(res.json.detail, 'Rule r5 not found');
    assert.deepEqual((await send('/api/memory/rules')).json.data.map((r) => r.id), [rule.id, 'r1', 'r2', 'r3', 'r4']);
  });

  test('hostile values are stored verbatim', async () => {
    const big = 'x'.repeat(200000);
    const sql = "'); DROP TABLE _memory_rules; --";
    const odd = 'Règle 😀 "quoted", \\ back';
    const csv = 'id,rule_name,action,batch_id,ingestion_status,mitigants\n' +
      `h1,"${odd.replaceAll('"', '""')}",decline,b,s,"${sql}"\n` +
      `h2,${big},refer,b,s,"[""${sql.replaceAll('"', '""')}""]"\n`;
    const up = await upload(csv);
    assert.equal(up.row_count, 2);
    const { data } = (await send('/api/memory/rules')).json;
    assert.equal(data[0].name, odd);
    assert.deepEqual(data[0].mitigants, [sql]);
    assert.equal(data[1].name, big);
    assert.deepEqual(data[1].mitigants, [sql]);
    const created = await send('/api/memory/rules', { method: 'POST', body: { name: sql, action: odd, data_fields: ['a', 1] } });
    assert.equal(created.status, 200);
    assert.deepEqual(created.json.data.data_fields, ['a', 1]);
    const res = await send('/api/memory/rules', { method: 'POST', body: '{"name": "\xff' });
    assert.equal(res.status, 422);
    assert.equal((await send('/api/memory/rules')).json.data[0].name, sql);
  });

  test('the example rule set is stored like an upload', async () => {
    const example = await ok('GET /api/memory/example', '/api/memory/example');
    // Values computed from data/examples/memory_rules.csv with the reference's rules in python3.
    assert.equal(example.success, true);
    assert.equal(example.row_count, 48);
    assert.equal(example.summary.risk_factors_count, 8);
    assert.equal(example.summary.mitigants_count, 7);
    assert.equal(example.summary.hard_stops_count, 8);
    assert.deepEqual(example.summary.rules_by_action.map((a) => [a.action, a.count]),
      [['refer', 24], ['decline', 9], ['approve_with_conditions', 6], ['verify', 6], ['approve', 3]]);
    assert.deepEqual(example.summary.rules_by_product.map((p) => [p.product, p.count]),
      [['mortgage', 13], ['personal_loan', 12], ['auto_loan', 12], ['credit_card', 11]]);
    assert.deepEqual((await send('/api/memory/status-counts')).json.data, { ingested: 23, pending: 16, failed: 9 });
    assert.deepEqual((await send('/api/memory/batches')).json.data.map((b) => [b.batch_id, b.rules_count]),
      [['batch-2026-02', 16], ['batch-2026-03', 16], ['batch-2026-01', 16]]);
    const conflicts = (await send('/api/memory/conflicts')).json;
    assert.deepEqual(conflicts.data.map((c) => c.description), [
      "Risk factor 'debt_to_income' has contradictory actions: approve_with_conditions, decline, refer",
      "Risk factor 'recent_bankruptcy' has contradictory actions: approve, decline",
    ]);
    assert.equal((await send('/api/memory/rules/quality')).json.divergent.length, 12);
  });

  test('config, and the deprecated alias with its headers', async () => {
    const config = await ok('GET /api/memory/config', '/api/memory/config');
    assert.equal(config.config_hash, '3d6a342ef1662edae270183a0ee88cd6');  // python3 tests/unit/plugins/memory_config_hash.py
    assert.equal(Object.keys(config.labels).length, 23);
    assert.deepEqual(config.contradictory_pairs, [['approve', 'decline'], ['approve_with_conditions', 'decline']]);
    const res = await send('/api/config/memory');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('deprecation'), 'true');
    assert.equal(res.headers.get('sunset'), '2026-04-01');
    assert.equal(res.headers.get('link'), '</api/memory/config>; rel="successor-version"');
    assert.deepEqual(schemas.check('GET /api/config/memory', res.json), { ...config, _deprecated: '/api/config/memory → /api/memory/config' });
  });

  test('memory.yaml changes the roles, labels and colours', async () => {
    const custom = await startServer({
      configFiles: {
        'memory.yaml': 'memory:\n  field_roles:\n    id: rule_id\n  labels:\n    group_by: Facteur é\n  action_colors:\n    refer: "#000000"\n',
      },
    });
    servers.push(custom);
    const config = (await send('/api/memory/config', {}, custom)).json;
    assert.equal(config.field_roles.id, 'rule_id');
    assert.equal(config.labels.group_by, 'Facteur é');
    assert.notEqual(config.config_hash, '3d6a342ef1662edae270183a0ee88cd6');
    const up = await send('/api/memory/upload', { method: 'POST', form: csvForm('rule_id,rule_name,action,batch_id,ingestion_status\nq1,Q,refer,b,s\n', 'r.csv') }, custom);
    assert.equal(up.json.data[0].id, 'q1');
    assert.deepEqual(up.json.summary.rules_by_action, [{ action: 'refer', count: 1, color: '#000000' }]);
    const broken = await startServer({ configFiles: { 'memory.yaml': 'memory:\n  labels: [1, 2]\n' } });
    servers.push(broken);
    assert.equal((await send('/api/memory/config', {}, broken)).json.config_hash, '3d6a342ef1662edae270183a0ee88cd6');
  });

  test('rules and their changes survive a restart', async () => {
    let first = await startServer();
    await send('/api/memory/upload', { method: 'POST', form: csvForm(RULES_CSV, 'rules.csv') }, first);
    await send('/api/memory/rules/r4', { method: 'DELETE' }, first);
    await send('/api/memory/rules/r1', { method: 'PUT', body: { name: 'Renamed' } }, first);
    const created = (await send('/api/memory/rules', { method: 'POST', body: { name: 'New', action: 'verify' } }, first)).json.data;
    const before = (await send('/api/memory/rules', {}, first)).json;
    assert.deepEqual(before.data.map((r) => r.id), [created.id, 'r1', 'r2', 'r3', 'r5']);
    await first.stop();
    const second = await startServer({ dataDir: first.dataDir });
    servers.push(second);
    assert.deepEqual((await send('/api/memory/rules', {}, second)).json, before);
    assert.equal(before.data[1].name, 'Renamed');
  });

  test('the embedded knowledge graph follows the rules: derived on upload, rebuilt on delete', async () => {
    const own = await startServer();
    servers.push(own);
    await send('/api/memory/upload', { method: 'POST', form: csvForm(RULES_CSV, 'rules.csv') }, own);
    // RULES_CSV by hand: 5 rules; risk factors dti, fraud_flag, score; outcomes Decline,
    // Approve with MI, Refer; mitigants mortgage_insurance, co_signer, "co_signer, collateral"
    // (r5's cell is one item); no sources. Edges: 5 TRIGGERS, 5 RESULTS_IN, 2+1+1 OVERRIDES.
    let summary = (await send('/api/memory/graph/summary', {}, own)).json;
    assert.equal(summary.total_nodes, 14);
    assert.equal(summary.total_edges, 14);
    assert.deepEqual(summary.nodes_by_type, { Rule: 5, RiskFactor: 3, Outcome: 3, Mitigant: 3 });
    assert.deepEqual(summary.edges_by_relation, { TRIGGERS: 5, RESULTS_IN: 5, OVERRIDES: 4 });
    assert.deepEqual(summary.rules_by_action, { decline: 2, approve_with_conditions: 1, refer: 2 });
    const near = (await send('/api/memory/graph/neighborhood?node_id=RiskFactor:score&depth=1', {}, own)).json;
    assert.deepEqual(near.nodes.map((n) => n.id), ['RiskFactor:score', 'Rule:score_low', 'Rule:score_auto']);
    // Deleting r5 drops its rule, its edges and the mitigant only it named.
    await send('/api/memory/rules/r5', { method: 'DELETE' }, own);
    summary = (await send('/api/memory/graph/summary', {}, own)).json;
    assert.equal(summary.total_nodes, 12);
    assert.equal(summary.total_edges, 11);
    assert.deepEqual(summary.nodes_by_type, { Rule: 4, RiskFactor: 3, Outcome: 3, Mitigant: 2 });
    const search = (await send('/api/memory/graph/search?q=collateral', {}, own)).json;
    assert.equal(search.total, 0);
    // An import lies over the derived part: RiskFactor:score is imported, so the derived copy
    // is not added again; totals = 2 imported + 11 other derived nodes, 1 + 11 edges.
    const form = new FormData();
    form.append('nodes', new Blob(['label,name\nRiskFactor,score\nRule,Manual Review\n']), 'nodes.csv');
    form.append('edges', new Blob(['source,target,type\nRiskFactor:score,Rule:manual_review,TRIGGERS\n']), 'edges.csv');
    const imported = await send('/api/memory/graph/import', { method: 'POST', form }, own);
    assert.deepEqual(imported.json, { success: true, format: 'csv', nodes: 2, edges: 1, total_nodes: 13, total_edges: 12 });
    summary = (await send('/api/memory/graph/summary', {}, own)).json;
    assert.deepEqual([summary.total_nodes, summary.total_edges], [13, 12]);
  });
});

describe('memory plugin off, store off', () => {
  test('AXIS_PLUGINS_ENABLED=agent_replay mounts no memory route', async () => {
    const off = await startServer({ env: { AXIS_PLUGINS_ENABLED: 'agent_replay' } });
    servers.push(off);
    for (const path of ['/api/memory/config', '/api/memory/rules', '/api/config/memory']) {
      const res = await send(path, {}, off);
      assert.equal(res.status, 404, path);
    }
  });

  test('with the store disabled the rule routes answer 503 and the config still answers', async () => {
    const noStore = await startServer({ configFiles: { 'duckdb.yaml': 'duckdb:\n  enabled: false\n' } });
    servers.push(noStore);
    let res = await send('/api/memory/summary', {}, noStore);
    assert.equal(res.status, 503);
    assert.equal(res.json.detail, 'The store is disabled (duckdb.yaml enabled: false)');
    res = await send('/api/memory/upload', { method: 'POST', form: csvForm(RULES_CSV, 'rules.csv') }, noStore);
    assert.equal(res.status, 503);
    assert.equal((await send('/api/memory/config', {}, noStore)).status, 200);
  });
});

describe('memory reply schemas', () => {
  test('every memory route was checked against its schema', () => {
    assert.deepEqual([...schemas.exercised].sort(), [...MEMORY_ROUTES].sort());
  });
});
