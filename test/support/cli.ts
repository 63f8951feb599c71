import { execFile } from 'node:child_process';
import path from 'node:path';

export type CliResult = { code: number; stdout: string; stderr: string };

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs `dmc <args>` (bin/dmc.js) in a child process, as a user would, with DATABASE_URL set to `url`. */
export function dmc(args: string[], url?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin', 'dmc.js'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...(url ? { DATABASE_URL: url } : {}), LOG_LEVEL: 'warn' },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code: unknown = error ? (error as { code?: unknown }).code : 0;
        resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
      },
    );
  });
}
