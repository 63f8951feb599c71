import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** A server instance as operators run it: `src/main.ts` in a child process, its JSON log lines collected. */
export type Instance = {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  /** Resolves with the first log line matching, or rejects after `timeoutMs` (naming what was logged). */
  waitFor(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** The GraphQL URL from the `ready` line (after waitFor ready). */
  url(): string;
  /** SIGTERM and wait for the exit (SIGKILL after 20 s). */
  stop(): Promise<number | null>;
};

export function startInstance(env: Record<string, string>): Instance {
  const child = spawn(
    process.execPath,
    [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'src/main.ts'],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'info',
        PORT: '0',
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: Record<string, unknown>[] = [];
  const waiters: {
    match: (l: Record<string, unknown>) => boolean;
    resolve: (l: Record<string, unknown>) => void;
  }[] = [];
  let buffer = '';
  const feed = (chunk: Buffer) => {
    buffer += chunk.toString();
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        line = { msg: 'NOT JSON', text };
      }
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.match(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  };
  child.stdout.on('data', feed);
  child.stderr.on('data', feed);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let ready: Record<string, unknown> | undefined;
  return {
    child,
    lines,
    waitFor(match, timeoutMs = 90_000) {
      const found = lines.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`no matching log line within ${timeoutMs} ms: ${JSON.stringify(lines.slice(-15))}`),
            ),
          timeoutMs,
        );
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`exited with ${code}: ${JSON.stringify(lines.slice(-15))}`));
        });
        waiters.push({
          match,
          resolve: (line) => {
            clearTimeout(timer);
            if (line.msg === 'ready') ready = line;
            resolve(line);
          },
        });
      });
    },
    url() {
      ready ??= lines.find((l) => l.msg === 'ready');
      if (!ready) throw new Error('the instance is not ready');
      return String(ready.url);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
