// Runs the shipped reverse-proxy routing (deploy/nginx/axis.conf, unchanged) in a real nginx for
// tests: a throwaway prefix dir with its own main config, upstreams and listen address, so
// nginx runs as any user and touches nothing outside the prefix. Node 20 built-ins only.
//
//   const proxy = await startNginx({ serverPort, webPort });   // {url, port, prefix, stop()}
//   startNginx({ serverPort, webPort, routing })   // `routing`: an edited copy of axis.conf
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort, makeTempDir, repoRoot } from './server.mjs';

export const nginxBin = process.env.NGINX_BIN || '/usr/sbin/nginx';
export const routingFile = path.join(repoRoot, 'deploy/nginx/axis.conf');

// Why nginx cannot run here, or null when it can.
export function nginxMissing() {
  return existsSync(nginxBin) ? null : `nginx is not installed at ${nginxBin}`;
}

const live = new Set();
process.on('exit', () => {
  for (const proc of live) {
    try { proc.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

function writeConfig(prefix, { serverPort, webPort, port, routing }) {
  const temp = path.join(prefix, 'temp');
  mkdirSync(temp, { recursive: true });
  // As root, nginx's workers run as nobody: they must reach the prefix and write temp files.
  chmodSync(prefix, 0o755);
  chmodSync(temp, 0o777);
  writeFileSync(path.join(prefix, 'upstreams.conf'), `
upstream axis_server { server 127.0.0.1:${serverPort}; keepalive 8; }
upstream axis_web { server 127.0.0.1:${webPort}; keepalive 8; }
`);
  writeFileSync(path.join(prefix, 'listen.conf'), `listen 127.0.0.1:${port};\n`);
  // `routing`: a test's edited copy of axis.conf, written into the prefix.
  let routingPath = routingFile;
  if (routing !== undefined) {
    routingPath = path.join(prefix, 'axis.conf');
    writeFileSync(routingPath, routing);
  }
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(conf, `
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log info;
events { worker_connections 512; }
http {
  default_type application/octet-stream;
  access_log ${prefix}/access.log;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  include ${prefix}/upstreams.conf;
  server {
    include ${prefix}/listen.conf;
    include ${routingPath};
  }
}
`);
  return conf;
}

const readLog = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

// Checks `conf` with nginx -t, starts nginx on it and waits until `port` accepts connections.
// Resolves to {ready, stop, why}: when not ready, nginx is stopped and `why` holds its words.
async function runNginx({ prefix, conf, port, timeoutMs }) {
  const errorLog = path.join(prefix, 'error.log');
  const base = ['-p', `${prefix}/`, '-c', conf, '-e', errorLog];
  const check = spawnSync(nginxBin, [...base, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr || check.error}`);

  const proc = spawn(nginxBin, [...base, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(proc);
  let stderr = '';
  proc.stderr.setEncoding('utf8').on('data', (text) => { stderr += text; });
  let exited = false;
  const done = new Promise((resolve) => proc.once('close', () => { exited = true; live.delete(proc); resolve(); }));
  const stop = async () => {
    if (exited) return;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await done;
    clearTimeout(timer);
  };
  const deadline = Date.now() + timeoutMs;
  let ready = false;
  while (!exited && !ready && Date.now() < deadline) {
    ready = await canConnect(port);
    if (!ready) await sleep(25);
  }
  if (!ready) await stop();
  return { ready, stop, why: () => stderr + readLog(errorLog), errorLog: () => readLog(errorLog) };
}

// Starts nginx in front of 127.0.0.1:serverPort (axis_server) and 127.0.0.1:webPort (axis_web)
// on a free port; resolves once the port accepts connections. Throws with nginx's own words
// when the configuration is invalid or nginx does not come up.
export async function startNginx({ serverPort, webPort, routing, timeoutMs = 10000 }) {
  const prefix = makeTempDir('axis-nginx-');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const conf = writeConfig(prefix, { serverPort, webPort, port, routing });
    const run = await runNginx({ prefix, conf, port, timeoutMs });
    if (run.ready) return { url: `http://127.0.0.1:${port}`, port, prefix, stop: run.stop, errorLog: run.errorLog };
    if (/Address already in use/.test(run.why()) && attempt < 3) continue;
    throw new Error(`nginx did not come up on port ${port}:\n${run.why()}`);
  }
}

// Runs the shipped deploy/nginx/nginx.conf itself (plain HTTP that redirects, HTTPS with
// tls.conf and axis.conf). Only what a deployment changes is the test's own: the upstreams,
// the two listen files (ports, and a certificate made here by openssl for 127.0.0.1) and, in
// nginx.conf, the pid file, log files and temp folders so nginx runs inside its prefix.
// Resolves to {http, https, ca, stop()}: the two base URLs and the certificate to trust.
export async function startShippedNginx({ serverPort, webPort, timeoutMs = 10000 }) {
  const prefix = makeTempDir('axis-nginx-shipped-');
  const temp = path.join(prefix, 'temp');
  mkdirSync(temp, { recursive: true });
  chmodSync(prefix, 0o755);
  chmodSync(temp, 0o777);
  const cert = path.join(prefix, 'tls.crt');
  const key = path.join(prefix, 'tls.key');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout', key, '-out', cert], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  chmodSync(key, 0o644);
  const shipped = path.join(repoRoot, 'deploy/nginx');
  for (const file of ['axis.conf', 'tls.conf']) {
    writeFileSync(path.join(prefix, file), readFileSync(path.join(shipped, file)));
  }
  writeFileSync(path.join(prefix, 'mime.types'), existsSync('/etc/nginx/mime.types')
    ? readFileSync('/etc/nginx/mime.types') : 'types { text/html html; }\n');
  const httpPort = await freePort();
  const httpsPort = await freePort();
  writeFileSync(path.join(prefix, 'upstreams.conf'),
    `upstream axis_server { server 127.0.0.1:${serverPort}; keepalive 8; }\n`
    + `upstream axis_web { server 127.0.0.1:${webPort}; keepalive 8; }\n`);
  writeFileSync(path.join(prefix, 'listen.conf'), `listen 127.0.0.1:${httpPort};\n`);
  writeFileSync(path.join(prefix, 'listen-tls.conf'), readFileSync(path.join(shipped, 'listen-tls.conf'), 'utf8')
    .replace(/listen 443 /, `listen 127.0.0.1:${httpsPort} `)
    .replace('/etc/nginx/certs/tls.crt', cert)
    .replace('/etc/nginx/certs/tls.key', key));
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `    ${t}_temp_path ${temp}/${t};`).join('\n');
  // Logs go to files: a test's stdio pipes are sockets, which /dev/stderr cannot open.
  const main = readFileSync(path.join(shipped, 'nginx.conf'), 'utf8')
    .replace('pid /run/nginx.pid;', `pid ${prefix}/nginx.pid;`)
    .replace('error_log /dev/stderr warn;', `error_log ${prefix}/error.log warn;`)
    .replace('access_log /dev/stdout axis;', `access_log ${prefix}/access.log axis;`)
    .replace('http {\n', `http {\n${temps}\n`);
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(conf, main);
  const run = await runNginx({ prefix, conf, port: httpsPort, timeoutMs });
  if (!run.ready) throw new Error(`nginx did not come up:\n${run.why()}`);
  return { http: `http://127.0.0.1:${httpPort}`, https: `https://127.0.0.1:${httpsPort}`, ca: readFileSync(cert),
    stop: run.stop };
}
