// scripts/create_scheduler_job.sh against a fake gcloud that records its arguments: the job
// POSTs /api/store/sync/<dataset> with an OIDC token for the service URL, is created when it
// does not exist and updated when it does, and runs once.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const script = new URL('../../scripts/create_scheduler_job.sh', import.meta.url).pathname;

// A gcloud that appends each call to calls.txt; `describe` succeeds only when EXISTS=1.
function fakeGcloud() {
  const dir = mkdtempSync(join(tmpdir(), 'fake-gcloud-'));
  const bin = join(dir, 'gcloud');
  writeFileSync(bin, `#!/usr/bin/env bash
echo "$*" >> "${dir}/calls.txt"
if [ "$2 $3" = "jobs describe" ] && [ "\${EXISTS:-0}" != 1 ]; then exit 1; fi
exit 0
`);
  chmodSync(bin, 0o755);
  return { dir, calls: () => readFileSync(join(dir, 'calls.txt'), 'utf8').trim().split('\n') };
}

function run(gcloud, env) {
  return spawnSync('bash', [script], {
    encoding: 'utf8',
    env: { PATH: `${gcloud.dir}:${process.env.PATH}`, PROJECT_ID: 'proj', SERVICE_URL: 'https://axis.example.run.app/', ...env },
  });
}

test('creates an OIDC job posting the dataset sync, grants run.invoker, runs it once', () => {
  const gcloud = fakeGcloud();
  const r = run(gcloud, { SERVICE_ACCOUNT_EMAIL: 'sync@proj.iam.gserviceaccount.com', CLOUD_RUN_SERVICE: 'axis', DATASET: 'kpi' });
  assert.equal(r.status, 0, r.stderr);
  const calls = gcloud.calls();
  assert.match(calls[0], /^run services add-iam-policy-binding axis .*--member serviceAccount:sync@proj.iam.gserviceaccount.com --role roles\/run.invoker/);
  assert.match(calls[1], /^scheduler jobs describe axis-kpi-sync-daily --project proj --location us-central1/);
  const create = calls[2];
  assert.match(create, /^scheduler jobs create http axis-kpi-sync-daily /);
  assert.match(create, /--uri https:\/\/axis.example.run.app\/api\/store\/sync\/kpi /);
  assert.match(create, /--http-method POST/);
  assert.match(create, /--schedule 0 3 \* \* \* --time-zone Etc\/UTC/);
  assert.match(create, /--oidc-token-audience https:\/\/axis.example.run.app$/);
  assert.match(calls[3], /^scheduler jobs run axis-kpi-sync-daily/);
});

test('updates an existing job; AUTH_MODE=none sends no token', () => {
  const gcloud = fakeGcloud();
  const r = run(gcloud, { AUTH_MODE: 'none', EXISTS: '1', JOB_NAME: 'nightly' });
  assert.equal(r.status, 0, r.stderr);
  const calls = gcloud.calls();
  assert.match(calls[1], /^scheduler jobs update http nightly .*\/api\/store\/sync\/monitoring/);
  assert.doesNotMatch(calls[1], /oidc/);
});

test('refuses missing settings and unknown datasets', () => {
  const gcloud = fakeGcloud();
  assert.equal(run(gcloud, { PROJECT_ID: '' }).status, 1);
  const noAccount = run(gcloud, {});
  assert.notEqual(noAccount.status, 0);
  assert.match(noAccount.stderr, /SERVICE_ACCOUNT_EMAIL/);
  assert.equal(run(gcloud, { DATASET: 'feedback_raw', AUTH_MODE: 'none' }).status, 2);
});
