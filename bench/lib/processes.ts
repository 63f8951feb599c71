import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { errorMessage, progress, sleep } from './log';

const OUTPUT_LINES = 60;
const STOP_GRACE_MS = 10_000;

/** A server the bench started: its recent output (for error messages) and a stop that always finishes. */
export class ServerProcess {
  private readonly output: string[] = [];
  private readonly exited: Promise<void>;
  private stopping = false;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        this.output.push(line);
        if (this.output.length > OUTPUT_LINES) this.output.shift();
      }
    };
    // Always drain the pipes: a server blocks once a full pipe stops accepting its logs.
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code, signal) => {
      if (!this.stopping)
        progress(`${name} exited unexpectedly (${signal ?? `code ${code}`})\n${this.tail()}`);
    });
    child.once('error', (error) => progress(`${name} could not be started: ${error.message}`));
    // Our own crash must not leave a server holding its port.
    process.on('exit', this.killNow);
  }

  static start(
    name: string,
    command: string,
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv },
  ): ServerProcess {
    // Own process group: Ctrl-C in the terminal reaches only the bench, which then stops servers in order
    // (a server that died on the same SIGINT first would be reported as a crash).
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    return new ServerProcess(name, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined;
  }

  tail(): string {
    return this.output.map((line) => `  | ${line}`).join('\n');
  }

  /** Polls `probe` until it returns true; fails early if the process dies, and after `timeoutMs`. */
  async waitUntil(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited during start-up:\n${this.tail()}`);
      if (await probe().catch(() => false)) return;
      if (Date.now() > deadline) {
        throw new Error(`${this.name} was not ready within ${timeoutMs / 1000} s:\n${this.tail()}`);
      }
      await sleep(250);
    }
  }

  /** SIGTERM (both servers drain and close their pools on it), SIGKILL if it has not exited in time. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.running) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (this.running) {
          progress(`${this.name} ignored SIGTERM for ${STOP_GRACE_MS / 1000} s; killing it`);
          this.child.kill('SIGKILL');
        }
      }, STOP_GRACE_MS);
      await this.exited;
      clearTimeout(timer);
    }
    process.off('exit', this.killNow);
  }

  private readonly killNow = (): void => {
    if (this.running) this.child.kill('SIGKILL');
  };
}

/** A port that was free on 127.0.0.1 a moment ago (the servers bind it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Cleanup in reverse order of start, exactly once, on success, failure, Ctrl-C or SIGTERM. The CPU and
 * wall-clock costs are bounded: each step has its own timeout (servers 10 s, PostgreSQL's launcher 10 s).
 */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          progress(`cleanup: could not stop ${step.name}: ${errorMessage(error)}`);
        }
      }
    })();
    return this.running;
  }

  /** Ctrl-C / SIGTERM: stop everything, then exit with the conventional 128 + signal number. */
  onSignals(): void {
    const handler = (signal: NodeJS.Signals, code: number) => {
      progress(`${signal}: stopping everything the bench started`);
      void this.run().finally(() => process.exit(code));
    };
    process.once('SIGINT', () => handler('SIGINT', 130));
    process.once('SIGTERM', () => handler('SIGTERM', 143));
  }
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ; 100 on every Linux architecture Node supports

/** CPU seconds (user + system) a process has used, from /proc; undefined where /proc is unavailable. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name (which may itself contain spaces): utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU seconds of every child of `parentPid` (PostgreSQL backends of the postmaster), by PID. */
export function childrenCpuSeconds(parentPid: number | undefined): Map<number, number> | undefined {
  if (parentPid === undefined) return undefined;
  const result = new Map<number, number>();
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const name of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== parentPid) continue;
      result.set(Number(name), (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return result;
}
