// Checks replies against the reply schemas of /openapi.json (src/api/schemas/) with Ajv, which
// the web UI's dev dependencies provide (web/node_modules, installed by scripts/build-web.sh).
// Every object schema that lists its members is closed here (additionalProperties: false), so a
// member the server sends but the schema omits fails as surely as a required one it lacks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './server.mjs';

export const snapshotPath = path.join(repoRoot, 'web/src/api/openapi.json');

export function readSnapshot() {
  return JSON.parse(readFileSync(snapshotPath, 'utf8'));
}

function loadAjv() {
  const require = createRequire(path.join(repoRoot, 'web/package.json'));
  try {
    return require('ajv/dist/2020').default;
  } catch (e) {
    throw new Error(`ajv is not installed in web/node_modules (run scripts/build-web.sh): ${e.message}`);
  }
}

// A deep copy of `schema` whose objects with `properties` and no `additionalProperties` are
// closed, and whose $refs point into $defs.
export function closedSchema(schema) {
  if (Array.isArray(schema)) return schema.map(closedSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') out.$ref = value.replace('#/components/schemas/', '#/$defs/');
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, closedSchema(v)]));
    else out[key] = closedSchema(value);
  }
  if (out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

const BASE = 'https://axis.invalid/openapi';

// Validators for the reply schemas of an OpenAPI document (the server's own or the snapshot).
export class ReplySchemas {
  constructor(doc) {
    const Ajv2020 = loadAjv();
    this.doc = doc;
    this.ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    this.ajv.addSchema({ $id: BASE, $defs: closedSchema(doc.components.schemas) });
    this.validators = new Map();
    this.exercised = new Set();
  }

  // "GET /api/datasets/{dataset_id}" → the component name its 200 reply declares, or null.
  replyOf(route) {
    const [method, pattern] = route.split(' ');
    const op = this.doc.paths[pattern]?.[method.toLowerCase()];
    assert.ok(op, `${route} is not in /openapi.json`);
    const ref = op.responses?.['200']?.content?.['application/json']?.schema?.$ref;
    return ref ? ref.split('/').pop() : null;
  }

  // Every "METHOD /pattern" whose 200 reply declares a schema.
  declaredRoutes() {
    const out = [];
    for (const [pattern, ops] of Object.entries(this.doc.paths)) {
      for (const method of Object.keys(ops)) {
        const route = `${method.toUpperCase()} ${pattern}`;
        if (this.replyOf(route)) out.push(route);
      }
    }
    return out.sort();
  }

  // The Ajv errors of `body` against the component `name` ([] when it conforms).
  errors(name, body) {
    if (!this.validators.has(name)) {
      this.validators.set(name, this.ajv.compile({ $ref: `${BASE}#/$defs/${name}` }));
    }
    const validate = this.validators.get(name);
    return validate(body) ? [] : validate.errors.map(({ instancePath, keyword, params, message }) =>
      ({ instancePath, keyword, params, message }));
  }

  // Asserts that `body`, the reply of `route`, conforms to the schema the route declares.
  check(route, body) {
    const name = this.replyOf(route);
    assert.ok(name, `${route} declares no reply schema`);
    const errors = this.errors(name, body);
    assert.deepEqual(errors, [], `${route} replied what ${name} does not describe:\n` +
      `${JSON.stringify(errors, null, 2)}\n${JSON.stringify(body).slice(0, 2000)}`);
    this.exercised.add(route);
    return body;
  }
}

// Calls `route` ("METHOD /pattern") on `server` at `url` (the pattern with its parameters filled
// in and any query), expects 200 and checks the reply. `body`: a FormData or a JSON value.
export async function callReply(server, schemas, route, url, body) {
  const method = route.split(' ')[0];
  const init = { method };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) Object.assign(init, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const res = await fetch(`${server.url}${url}`, init);
  const text = await res.text();
  assert.equal(res.status, 200, `${method} ${url}: ${text.slice(0, 500)}`);
  return schemas.check(route, JSON.parse(text));
}

export { csvForm } from './server.mjs';
