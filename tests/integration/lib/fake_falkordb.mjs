// A fake FalkorDB for the integration suite: a RESP2 server over TCP (node built-ins only)
// answering AUTH, PING and GRAPH.RO_QUERY over an in-memory graph, in FalkorDB's verbose
// result-set format ([header, rows, statistics]; a node is [["id",n],["labels",[...]],
// ["properties",[[k,v]...]]], a relationship [["id",n],["type",t],["src_node",n],["dest_node",n],
// ["properties",[...]]]; integers as RESP integers, strings as bulk strings).
//
// It interprets the handful of query shapes AXIS sends (docs/api.md, knowledge graph), reading
// the bound values from the "CYPHER k=v ..." header, and answers anything else with an error.
// Every query is recorded (`queries`: {graph, text, params, cypher}) so tests can prove that
// values arrived as parameters. `dropConnections()` cuts every open connection; `stop()` and
// `start()` take the server down and bring it back on the same port.
//
// graph: {nodes: [{label, name, props}], edges: [{source, target, type, props}]}, edges naming
// nodes by "<Label>:<slug(name)>" (the same JSON the embedded graph imports).
import net from 'node:net';

const slug = (name) => name.toLowerCase().trim().replace(/[^a-z0-9_]/gu, '_');

// ---- RESP encoding ------------------------------------------------------------------------
const bulk = (s) => `$${Buffer.byteLength(s)}\r\n${s}\r\n`;
function encode(value) {
  if (value === null || value === undefined) return '$-1\r\n';
  if (typeof value === 'number') return `:${value}\r\n`;
  if (typeof value === 'string') return bulk(value);
  if (Array.isArray(value)) return `*${value.length}\r\n${value.map(encode).join('')}`;
  throw new Error(`cannot encode ${value}`);
}

// Parses complete RESP arrays of bulk strings from `buffer`; returns [commands, rest].
function parseCommands(buffer) {
  const commands = [];
  let pos = 0;
  for (;;) {
    if (pos >= buffer.length || buffer[pos] !== 0x2a) break;  // '*'
    const lineEnd = buffer.indexOf('\r\n', pos);
    if (lineEnd < 0) break;
    const count = Number(buffer.subarray(pos + 1, lineEnd).toString());
    let at = lineEnd + 2;
    const args = [];
    let complete = true;
    for (let i = 0; i < count; i++) {
      const end = buffer.indexOf('\r\n', at);
      if (end < 0) { complete = false; break; }
      const len = Number(buffer.subarray(at + 1, end).toString());
      if (buffer.length < end + 2 + len + 2) { complete = false; break; }
      args.push(buffer.subarray(end + 2, end + 2 + len).toString('utf8'));
      at = end + 2 + len + 2;
    }
    if (!complete) break;
    commands.push(args);
    pos = at;
  }
  return [commands, buffer.subarray(pos)];
}

// "CYPHER a=\"x\" b=3 MATCH ..." → [{a:'x', b:3}, 'MATCH ...'].
export function splitParams(text) {
  const params = {};
  if (!text.startsWith('CYPHER ')) return [params, text];
  let i = 'CYPHER '.length;
  for (;;) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(text.slice(i));
    if (!m) break;
    i += m[0].length;
    if (text[i] === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i++;
        value += text[i++];
      }
      i++;
      params[m[1]] = value;
    } else {
      const num = /^-?\d+/.exec(text.slice(i))[0];
      params[m[1]] = Number(num);
      i += num.length;
    }
    while (text[i] === ' ') i++;
  }
  return [params, text.slice(i)];
}

// ---- the graph ----------------------------------------------------------------------------
function buildGraph(graph) {
  const nodes = graph.nodes.map((n, i) => ({ id: i, label: n.label, props: { name: n.name, ...(n.props ?? {}) } }));
  const byKey = new Map(nodes.map((n) => [`${n.label}:${slug(n.props.name)}`, n]));
  const edges = graph.edges.map((e, i) => ({
    id: i, type: e.type, src: byKey.get(e.source), dst: byKey.get(e.target), props: e.props ?? {},
  }));
  for (const e of edges) if (!e.src || !e.dst) throw new Error('fake graph: dangling edge');
  return { nodes, edges };
}

const propList = (props) => Object.entries(props).filter(([, v]) => v !== null && v !== undefined)
  .map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? v : String(v)]);
const nodeValue = (n) => [['id', n.id], ['labels', [n.label]], ['properties', propList(n.props)]];
const edgeValue = (e) => [['id', e.id], ['type', e.type], ['src_node', e.src.id], ['dest_node', e.dst.id],
  ['properties', propList(e.props)]];
const resultSet = (header, rows) => [header, rows, ['Cached execution: 0', 'Query internal execution time: 0.100000 milliseconds']];

function groupCount(items, keyOf) {
  const counts = new Map();
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => [k ?? null, n]);
}

// The answer to one query, or throws an Error whose message becomes a RESP error.
function answer(g, cypher, params) {
  if (cypher === 'RETURN 1') return resultSet(['1'], [[1]]);
  if (cypher === 'MATCH (n) RETURN labels(n)[0], count(n)') {
    return resultSet(['labels(n)[0]', 'count(n)'], groupCount(g.nodes, (n) => n.label));
  }
  if (cypher === 'MATCH ()-[r]->() RETURN type(r), count(r)') {
    return resultSet(['type(r)', 'count(r)'], groupCount(g.edges, (e) => e.type));
  }
  let m = /^MATCH \(r:Rule\) RETURN r\.(action|product_type), count\(r\)$/.exec(cypher);
  if (m) {
    const key = m[1];
    return resultSet([`r.${key}`, 'count(r)'], groupCount(g.nodes.filter((n) => n.label === 'Rule'), (n) => n.props[key]));
  }
  if (cypher === 'MATCH (rf:RiskFactor {name: $rf})-[r]-(m) RETURN rf, r, m LIMIT $limit') {
    const rows = [];
    for (const e of g.edges) {
      for (const [a, b] of [[e.src, e.dst], [e.dst, e.src]]) {
        if (a.label === 'RiskFactor' && a.props.name === params.rf && rows.length < params.limit) {
          rows.push([nodeValue(a), edgeValue(e), nodeValue(b)]);
        }
      }
    }
    return resultSet(['rf', 'r', 'm'], rows);
  }
  m = /^MATCH \(n\)-\[r\]->\(m\)(?: WHERE (.*))? RETURN n, r, m LIMIT \$limit$/.exec(cypher);
  if (m) {
    const tests = [];
    for (const clause of (m[1] ?? '').split(' AND (').filter(Boolean)) {
      if (clause.includes('$action')) tests.push((n, o) => [n, o].some((x) => x.label === 'Rule' && x.props.action === params.action));
      else if (clause.includes('$product')) tests.push((n, o) => [n, o].some((x) => x.label === 'Rule' && x.props.product_type === params.product));
      else {
        const t = /n:(\w+) OR m:(\w+)/.exec(clause);
        if (!t) throw new Error(`fake: unknown clause ${clause}`);
        tests.push((n, o) => n.label === t[1] || o.label === t[1]);
      }
    }
    const rows = g.edges.filter((e) => tests.every((t) => t(e.src, e.dst))).slice(0, params.limit)
      .map((e) => [nodeValue(e.src), edgeValue(e), nodeValue(e.dst)]);
    return resultSet(['n', 'r', 'm'], rows);
  }
  if (cypher === 'MATCH (n) WHERE toLower(n.name) CONTAINS $q OPTIONAL MATCH (n)-[r]-() '
    + 'RETURN n, labels(n)[0] AS label, count(r) AS connections ORDER BY connections DESC LIMIT $limit') {
    const degree = (n) => g.edges.filter((e) => e.src === n || e.dst === n).length;
    const hits = g.nodes.filter((n) => String(n.props.name).toLowerCase().includes(params.q))
      .map((n) => [n, degree(n)]).sort((a, b) => b[1] - a[1]).slice(0, params.limit);
    return resultSet(['n', 'label', 'connections'], hits.map(([n, d]) => [nodeValue(n), n.label, d]));
  }
  m = /^MATCH \(n:(\w+)\) RETURN n$/.exec(cypher);
  if (m) return resultSet(['n'], g.nodes.filter((n) => n.label === m[1]).map((n) => [nodeValue(n)]));
  m = /^MATCH \(focal:(\w+) \{name: \$name\}\)-\[r\*1\.\.([123])\]-\(neighbor\) UNWIND r AS rel WITH focal, rel, startNode\(rel\) AS sn, endNode\(rel\) AS en RETURN focal, rel, sn, en$/.exec(cypher);
  if (m) {
    const focal = g.nodes.find((n) => n.label === m[1] && n.props.name === params.name);
    if (!focal) return resultSet(['focal', 'rel', 'sn', 'en'], []);
    let within = new Set([focal]);
    for (let hop = 1; hop < Number(m[2]); hop++) {
      const next = new Set(within);
      for (const e of g.edges) {
        if (within.has(e.src)) next.add(e.dst);
        if (within.has(e.dst)) next.add(e.src);
      }
      within = next;
    }
    const rows = g.edges.filter((e) => within.has(e.src) || within.has(e.dst))
      .map((e) => [nodeValue(focal), edgeValue(e), nodeValue(e.src), nodeValue(e.dst)]);
    return resultSet(['focal', 'rel', 'sn', 'en'], rows);
  }
  throw new Error(`fake FalkorDB does not understand: ${cypher}`);
}

export async function startFakeFalkor({ graph, password = '', graphName = 'knowledge_graph' }) {
  const g = buildGraph(graph);
  const sockets = new Set();
  const fake = {
    port: 0,
    queries: [],
    commands: [],
    server: null,
    dropConnections() { for (const s of sockets) s.destroy(); sockets.clear(); },
    async stop() {
      fake.dropConnections();
      await new Promise((resolve) => fake.server.close(() => resolve()));
    },
    async start() {
      fake.server = net.createServer((socket) => serve(socket));
      await new Promise((resolve) => fake.server.listen(fake.port, '127.0.0.1', resolve));
      fake.port = fake.server.address().port;
    },
  };
  function serve(socket) {
    sockets.add(socket);
    let authed = !password;
    let buffer = Buffer.alloc(0);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      let commands;
      [commands, buffer] = parseCommands(Buffer.concat([buffer, chunk]));
      for (const args of commands) {
        const name = args[0].toUpperCase();
        fake.commands.push(name);
        if (name === 'AUTH') {
          authed = args[args.length - 1] === password;
          socket.write(authed ? '+OK\r\n' : '-WRONGPASS invalid username-password pair\r\n');
        } else if (!authed) {
          socket.write('-NOAUTH Authentication required.\r\n');
        } else if (name === 'PING') {
          socket.write('+PONG\r\n');
        } else if (name === 'GRAPH.RO_QUERY') {
          const [params, cypher] = splitParams(args[2]);
          fake.queries.push({ graph: args[1], text: args[2], params, cypher });
          if (args[1] !== graphName) { socket.write(`-ERR Invalid graph operation on empty key\r\n`); continue; }
          try {
            socket.write(encode(answer(g, cypher, params)));
          } catch (e) {
            socket.write(`-ERR ${e.message.replace(/\r?\n/g, ' ')}\r\n`);
          }
        } else {
          socket.write(`-ERR unknown command '${args[0]}'\r\n`);
        }
      }
    });
  }
  await fake.start();
  return fake;
}
