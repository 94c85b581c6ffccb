/**
 * The real server (src/server.ts) in a child process, as deployed: its own event loop and memory,
 * so latency and RSS measured from the test are the server's alone, and its exit would be seen.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ChildServer {
  url: string;
  pid: number;
  /** Resident memory now and at its peak (VmRSS / VmHWM from /proc), in bytes. */
  memory(): { rss: number; peak: number };
  /** Set when the process has exited. */
  exited(): { code: number | null; signal: string | null } | undefined;
  stop(): Promise<void>;
}

const SERVER = fileURLToPath(new URL('../../src/server.ts', import.meta.url));

export async function startChildServer(env: Record<string, string> = {}): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      VIPLANE_DATA_DIR: 'memory://',
      VIPLANE_WEB_DIST: '/nonexistent',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exit: { code: number | null; signal: string | null } | undefined;
  child.on('exit', (code, signal) => (exit = { code, signal }));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${buffered.slice(-2000)}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (buffered += chunk.toString()));
    child.on('exit', () => reject(new Error(`the server exited: ${buffered.slice(-2000)}`)));
  });
  const kb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  return {
    url,
    pid: child.pid!,
    memory: () => ({ rss: kb('VmRSS'), peak: kb('VmHWM') }),
    exited: () => exit,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exit) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
