import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Children are started as process-group leaders (detached) and killed by group, so that
 * anything they start dies with them. Every live group is killed (and every temporary
 * directory removed) when this process exits, whatever the reason (error, Ctrl-C, SIGTERM).
 */
const live = new Set<number>();
/** Temporary directories removed when this process exits, however it exits. */
const dirs = new Set<string>();

export function tempDir(prefix = 'haven-bench-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

export function removeDir(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

function killAllSync() {
  for (const pid of live) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  live.clear();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}
process.on('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(sig, () => {
    killAllSync();
    process.exit(130);
  });
}

export interface Child {
  proc: ChildProcess;
  pid: number;
  output(): string;
  exited: Promise<number | null>;
}

export function spawnGroup(cmd: string, args: string[], opts: SpawnOptions = {}): Child {
  const proc = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (!proc.pid) throw new Error(`could not spawn ${cmd}`);
  const pid = proc.pid;
  live.add(pid);
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  // The group stays in `live` until its leader has exited *and* we have killed the group.
  return { proc, pid, output: () => out, exited };
}

/** SIGTERM the group, wait up to `graceMs`, then SIGKILL the group. Never throws. */
export async function killGroup(child: Child, graceMs = 10_000): Promise<{ graceful: boolean }> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* gone */
    }
  };
  let graceful = child.proc.exitCode !== null || child.proc.signalCode !== null;
  if (!graceful) {
    signal('SIGTERM');
    graceful = await Promise.race([child.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), graceMs))]);
  }
  signal('SIGKILL'); // leftovers of the group, if any
  live.delete(child.pid);
  return { graceful };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** One GET; resolves with the status code (rejects on connection errors). */
export function get(url: string, agent?: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: agent ?? false, timeout: 5_000 }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('timeout', () => req.destroy(new Error('timeout')));
    req.once('error', reject);
  });
}

/** Poll `url` every `intervalMs` until it answers 200; fails if the child exits first or time runs out. */
export async function waitFor200(url: string, child: Child, timeoutMs = 120_000, intervalMs = 5): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let exited = false;
  child.exited.then(() => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`process exited before ${url} answered:\n${child.output()}`);
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${child.output()}`);
    try {
      if ((await get(url)) === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resident memory (VmRSS) and its peak (VmHWM) in MiB, from /proc/<pid>/status (Linux). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

export const HAVEN_BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bin/haven.mjs');

/** The environment of a default embedded start: nothing from the caller's Haven settings leaks in. */
export function havenEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(HAVEN_|DATABASE_|SMTP_|EMAIL_|PUBLIC_URL|TRUST_PROXY|PORT$|HOST$|LOG_LEVEL)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}
