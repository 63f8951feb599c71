import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db';

/**
 * `npm start` as a user runs it: the real entry point in a child process. It must either serve or stop with
 * one clear line saying why; never hang and never print a raw stack as its last word.
 */
const ROOT = path.resolve(__dirname, '..', '..');

type Run = { code: number | null; lines: Record<string, unknown>[]; stderr: string };

function run(
  env: Record<string, string>,
  until?: (line: Record<string, unknown>) => boolean,
  timeoutMs = 45_000,
): Promise<Run & { kill(): void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'src/main.ts'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
      },
    );
    const lines: Record<string, unknown>[] = [];
    let stderr = '';
    let buffer = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM'); // graceful, so an embedded database it started is stopped too
      reject(new Error(`no outcome within ${timeoutMs} ms; output: ${JSON.stringify(lines)} ${stderr}`));
    }, timeoutMs);
    const onLine = (text: string) => {
      try {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        if (until?.(line)) {
          clearTimeout(timer);
          resolve({ code: null, lines, stderr, kill: () => child.kill('SIGTERM') });
        }
      } catch {
        stderr += text + '\n';
      }
    };
    const feed = (chunk: Buffer) => {
      buffer += chunk.toString();
      let i;
      while ((i = buffer.indexOf('\n')) >= 0) {
        onLine(buffer.slice(0, i));
        buffer = buffer.slice(i + 1);
      }
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, lines, stderr, kill: () => undefined });
    });
  });
}

function exited(child: { kill(): void }, lines: Record<string, unknown>[]): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (lines.some((l) => l.msg === 'stopped') || Date.now() - started > 15_000) {
        clearInterval(poll);
        resolve();
      }
    }, 50);
    child.kill();
  });
}

describe('start-up', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('serves /graphql over DATABASE_URL and stops cleanly on SIGTERM', async () => {
    const started = await run(
      { DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1' },
      (l) => l.msg === 'ready',
    );
    const ready = started.lines.find((l) => l.msg === 'ready')!;
    expect(ready).toMatchObject({ level: 'info', database: 'url' });
    const url = String(ready.url);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ epclReport(number: 22) { entries { totalCount } } epclEntry(epclId: "002255") { installationStatus } }',
      }),
    });
    expect(await res.json()).toEqual({
      data: { epclReport: { entries: { totalCount: 435 } }, epclEntry: { installationStatus: 'ACTIVE' } },
      extensions: { cost: { requested: expect.any(Number) as number, limit: 25_000 } },
    });
    await exited(started, started.lines);
    expect(started.lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
    // Every line the process printed, on stdout or stderr, was a JSON log line.
    expect(started.stderr).toBe('');
  });

  it('refuses invalid configuration with the variable named', async () => {
    const result = await run({ PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
    expect(result.lines).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'configuration error: PORT must be an integer between 0 and 65535; got "eighty"',
      }),
    ]);
  });

  it('stops with one clear line when DATABASE_URL points nowhere', async () => {
    const result = await run({ DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none', PORT: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const last = result.lines[result.lines.length - 1];
    expect(last).toMatchObject({ level: 'error' });
    expect(String(last.msg)).toContain('cannot reach the database at DATABASE_URL');
  });

  it('stops with one clear line when the embedded database cannot use its data folder', async () => {
    // A data folder left by another PostgreSQL major version: the embedded 15 must refuse it, not hang.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dmc-startup-test-'));
    fs.chmodSync(dataDir, 0o755); // reachable by the postgres user, so it is used rather than relocated
    fs.mkdirSync(path.join(dataDir, 'postgres'));
    fs.writeFileSync(path.join(dataDir, 'postgres', 'PG_VERSION'), '14\n');
    const result = await run({ DATA_DIR: dataDir, PORT: '0' }).finally(() =>
      fs.rmSync(dataDir, { recursive: true, force: true }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const last = result.lines[result.lines.length - 1];
    expect(last).toMatchObject({ level: 'error' });
    expect(String(last.msg)).toMatch(/^could not start the embedded PostgreSQL: /);
    expect(last.code).toMatch(/^EMBEDDED_PG_/);
  });
});
