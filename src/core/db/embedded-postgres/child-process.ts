/** Running commands (as the server user when root) and collecting their output lines. */
import { spawn, type ChildProcess } from 'node:child_process';
import type { RunAs } from './types';

const TAIL_LINES = 20;
export const ERROR_LINE = /\b(FATAL|PANIC|ERROR|error):/;
const LOG_PREFIX = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[\d+\] /;

type RunResult = { code: number | null; signal: NodeJS.Signals | null; output: string[]; error?: Error };

/** Runs a short-lived command, collecting stdout+stderr lines; never rejects and never throws. */
export function run(cmd: string, args: string[], o: { runAs?: RunAs; input?: string }): Promise<RunResult> {
  return new Promise((resolve) => {
    const output: string[] = [];
    let child: ChildProcess;
    try {
      child = spawn(cmd, args, {
        ...spawnIdentity(o.runAs),
        env: childEnv(),
        stdio: [o.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (err) {
      resolve({
        code: null,
        signal: null,
        output,
        error: err instanceof Error ? err : new Error(String(err)),
      });
      return;
    }
    let error: Error | undefined;
    child.on('error', (err) => {
      error = err;
      // When spawning itself failed no 'close' follows.
      if (child.pid === undefined) resolve({ code: null, signal: null, output, error });
    });
    collectLines(child.stdout, output);
    collectLines(child.stderr, output);
    if (o.input !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined); // EPIPE if the process dies before reading.
      child.stdin.end(o.input);
    }
    child.on('close', (code, signal) => resolve({ code, signal, output, error }));
  });
}

export function spawnIdentity(runAs: RunAs | undefined): { uid?: number; gid?: number; cwd?: string } {
  // cwd '/' because the caller's cwd may be inside a folder the unprivileged user cannot enter.
  return runAs ? { uid: runAs.uid, gid: runAs.gid, cwd: '/' } : {};
}

export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  // We pass everything explicitly; stray libpq/server variables must not change behaviour.
  for (const key of ['PGDATA', 'PGPORT', 'PGHOST', 'PGUSER', 'PGDATABASE', 'PGOPTIONS', 'PGPASSWORD'])
    delete env[key];
  return env;
}

export function collectLines(stream: NodeJS.ReadableStream | null, into: string[]): void {
  if (!stream) return;
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      // The "2025-01-01 12:00:00.000 UTC [123] " prefix only makes one-line error messages longer.
      const trimmed = line.trimEnd().replace(LOG_PREFIX, '');
      if (trimmed !== '') into.push(trimmed);
    }
    // Bounded: a long-running server logs forever.
    if (into.length > 200) into.splice(0, into.length - 100);
  });
  stream.on('end', () => {
    if (partial.trim() !== '') into.push(partial.trimEnd().replace(LOG_PREFIX, ''));
    partial = '';
  });
  stream.on('error', () => undefined);
}

export function tail(output: string[]): string[] {
  return output.slice(-TAIL_LINES);
}

export function formatTail(output: string[]): string {
  const lines = tail(output);
  return lines.length === 0 ? '' : ` — last output: ${lines.join(' | ')}`;
}

export function lastMeaningfulLine(output: string[]): string | undefined {
  for (let i = output.length - 1; i >= 0; i--) {
    const line = output[i];
    if (line !== undefined && ERROR_LINE.test(line)) return line;
  }
  return output[output.length - 1];
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${String(code)}`;
}
