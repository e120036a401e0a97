// A fake Langfuse for tests: one HTTP server on 127.0.0.1 answering the documented public API
// (/api/public/...) with HTTP Basic auth checked against one or more projects (each a key pair
// with its own traces, scores and datasets). Node 20 built-ins only.
//
//   const lf = await startFakeLangfuse({ projects: [{ publicKey, secretKey, traces }] });
//   lf.fault({ status: 429, retryAfter: '1' });        // the next matching request fails
//   lf.fault({ delayMs: 5000, when: (r) => r.path.startsWith('/api/public/traces/') });
//   const [first] = lf.requests();  // {method, path, query, publicKey, body, status}
//   lf.scores(publicKey);           // the scores a project received, in order
//   await lf.close();
//
// Endpoints (shapes as Langfuse documents them):
//   GET  traces?page&limit&fromTimestamp&toTimestamp&name&tags (tags repeatable, all required)
//        → {data:[trace without observation objects], meta:{page,limit,totalItems,totalPages}},
//        newest first; a list entry's observations and scores are ids.
//   GET  traces/{id} → the trace with observations[] and scores[] (404 when unknown).
//   POST scores {traceId,name,value,observationId?,dataType?,comment?} → {id}.
//   GET  v2/datasets?page&limit, POST v2/datasets {name,...} (an existing name is updated).
//   POST dataset-items {datasetName,id?,input,expectedOutput,metadata,sourceTraceId,...}
//        (404 for an unknown dataset; an existing id is replaced).
//   GET  dataset-items?datasetName&page&limit.
// A request without valid Basic credentials gets 401. Faults (status, retryAfter, delayMs,
// body) are taken by the first request their `when` accepts (default: any), one each.
import http from 'node:http';
import { randomUUID } from 'node:crypto';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function page(items, query) {
  const pageNo = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const limit = Math.max(1, Math.min(100, Number(query.get('limit') ?? 50) || 50));
  return {
    data: items.slice((pageNo - 1) * limit, pageNo * limit),
    meta: { page: pageNo, limit, totalItems: items.length, totalPages: Math.ceil(items.length / limit) },
  };
}

function listEntry(trace) {
  const { observations = [], scores = [], ...rest } = trace;
  return { ...rest, observations: observations.map((o) => o.id), scores: scores.map((s) => s.id) };
}

export async function startFakeLangfuse({ projects = [] } = {}) {
  const state = projects.map((p) => ({
    publicKey: p.publicKey, secretKey: p.secretKey,
    traces: (p.traces ?? []).map((t) => structuredClone(t)),
    scores: [], datasets: [], items: [],
  }));
  const log = [];
  const faults = [];

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  function authenticate(req) {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return null;
    const [pk, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    return state.find((p) => p.publicKey === pk && p.secretKey === rest.join(':')) ?? null;
  }

  function route(project, method, path, query, body) {
    if (method === 'GET' && path === '/api/public/traces') {
      const from = query.get('fromTimestamp');
      const to = query.get('toTimestamp');
      const name = query.get('name');
      const tags = query.getAll('tags');
      const traces = project.traces
        .filter((t) => !from || Date.parse(t.timestamp) >= Date.parse(from))
        .filter((t) => !to || Date.parse(t.timestamp) < Date.parse(to))
        .filter((t) => !name || t.name === name)
        .filter((t) => tags.every((tag) => (t.tags ?? []).includes(tag)))
        .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp))
        .map(listEntry);
      return [200, page(traces, query)];
    }
    const traceMatch = /^\/api\/public\/traces\/([^/]+)$/.exec(path);
    if (method === 'GET' && traceMatch) {
      const id = decodeURIComponent(traceMatch[1]);
      const trace = project.traces.find((t) => t.id === id);
      if (!trace) return [404, { message: `Trace ${id} not found` }];
      return [200, { ...trace, scores: project.scores.filter((s) => s.traceId === id) }];
    }
    if (method === 'POST' && path === '/api/public/scores') {
      if (typeof body?.traceId !== 'string' || typeof body?.name !== 'string' || body.value === undefined) {
        return [400, { message: 'traceId, name and value are required' }];
      }
      const score = {
        id: randomUUID(), timestamp: new Date().toISOString(), ...body,
        stringValue: typeof body.value === 'string' ? body.value : undefined,
        value: typeof body.value === 'number' ? body.value : null,
      };
      project.scores.push(score);
      return [200, { id: score.id }];
    }
    if (method === 'GET' && path === '/api/public/v2/datasets') return [200, page(project.datasets, query)];
    if (method === 'POST' && path === '/api/public/v2/datasets') {
      if (typeof body?.name !== 'string' || !body.name) return [400, { message: 'name is required' }];
      let dataset = project.datasets.find((d) => d.name === body.name);
      const at = new Date().toISOString();
      if (dataset) Object.assign(dataset, body, { updatedAt: at });
      else project.datasets.push(dataset = { id: randomUUID(), description: null, metadata: null, ...body, createdAt: at, updatedAt: at });
      return [200, dataset];
    }
    if (method === 'POST' && path === '/api/public/dataset-items') {
      const dataset = project.datasets.find((d) => d.name === body?.datasetName);
      if (!dataset) return [404, { message: `Dataset ${body?.datasetName} not found` }];
      const item = { status: 'ACTIVE', ...body, id: body.id ?? randomUUID(), datasetId: dataset.id, createdAt: new Date().toISOString() };
      project.items = project.items.filter((i) => i.id !== item.id);
      project.items.push(item);
      return [200, item];
    }
    if (method === 'GET' && path === '/api/public/dataset-items') {
      const name = query.get('datasetName');
      return [200, page(project.items.filter((i) => !name || i.datasetName === name), query)];
    }
    return [404, { message: `no route ${method} ${path}` }];
  }

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8').on('data', (chunk) => { raw += chunk; });
    req.on('end', async () => {
      const url = new URL(req.url, 'http://fake');
      const project = authenticate(req);
      let body = null;
      if (raw) {
        try { body = JSON.parse(raw); } catch { body = undefined; }
      }
      const entry = {
        method: req.method, path: url.pathname, query: url.searchParams,
        publicKey: project?.publicKey ?? null, body, status: 0, at: Date.now(),
      };
      log.push(entry);
      const faultAt = faults.findIndex((f) => !f.when || f.when(entry));
      if (faultAt >= 0) {
        const [fault] = faults.splice(faultAt, 1);
        if (fault.delayMs) await sleep(fault.delayMs);
        if (res.destroyed) return;
        if (fault.status) {
          entry.status = fault.status;
          return send(res, fault.status, fault.body ?? { message: 'injected fault' },
            fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
        }
      }
      if (!project) {
        entry.status = 401;
        return send(res, 401, { message: 'Invalid credentials' }, { 'www-authenticate': 'Basic' });
      }
      if (body === undefined) {
        entry.status = 400;
        return send(res, 400, { message: 'Invalid JSON' });
      }
      const [status, reply] = route(project, req.method, url.pathname, url.searchParams, body);
      entry.status = status;
      send(res, status, reply);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => log.slice(),
    clearRequests: () => { log.length = 0; },
    fault: (f) => faults.push(f),
    scores: (publicKey) => state.find((p) => p.publicKey === publicKey).scores.slice(),
    datasets: (publicKey) => state.find((p) => p.publicKey === publicKey).datasets.slice(),
    items: (publicKey) => state.find((p) => p.publicKey === publicKey).items.slice(),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
