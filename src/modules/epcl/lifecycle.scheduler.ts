import { ADVISORY_LOCKS } from '../../core/db/advisory-locks';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../core/logger';
import { announceClosingObjectionWindows } from '../events/event-derivations';
import { closeDueObjectionWindows, londonToday } from './lifecycle.service';

/** The advisory lock key of the scheduler's runs (any constant unique to this purpose). */
export const SCHEDULER_LOCK_KEY = ADVISORY_LOCKS.scheduler;

/**
 * Applies the transitions that fall due with time (today: objection windows closing at the end of their
 * deadline day; a test report's referral window has no transition of its own — the state machine goes on only
 * with a referral, refused after the window, or TAG's review, refused within it — so nothing is due there), at start-up and then every `intervalMs`. However many server instances share the
 * database, one run at a time leads: each run first takes a transaction-scoped PostgreSQL advisory lock
 * (`pg_try_advisory_xact_lock`) and does nothing when another instance holds it. A transaction lock rather
 * than a session one: no connection is held between runs, and a crashed leader releases it by itself.
 */
export class LifecycleScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number[] | null> | undefined;
  private stopped = false;

  constructor(
    private readonly options: {
      orm: MikroORM;
      log: Logger;
      intervalMs?: number;
      /** Called after each run: `leader` (it ran), `follower` (another instance held the lock) or `failed`. */
      onRun?: (outcome: 'leader' | 'follower' | 'failed') => void;
    },
  ) {}

  /** Runs once (awaited, so a server starts with due transitions applied), then every interval. */
  async start(): Promise<void> {
    await this.tick();
    if (this.stopped) return;
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 60_000);
    this.timer.unref();
  }

  /**
   * One run: the report numbers moved, or null when another instance was running (or this one is
   * stopped). Never throws; failures are logged and retried on the next run.
   */
  tick(): Promise<number[] | null> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<number[] | null> {
    if (this.stopped) return null;
    try {
      const moved = await this.options.orm.em.fork().transactional(async (em) => {
        const [{ leader }] = await em.execute<{ leader: boolean }[]>(
          'select pg_try_advisory_xact_lock(?) as leader',
          [SCHEDULER_LOCK_KEY],
        );
        if (!leader) return null;
        const closed = await closeDueObjectionWindows(em);
        // ObjectionWindowClosing at 2 and 1 working days before a deadline, once each.
        await announceClosingObjectionWindows(em, londonToday());
        return closed;
      });
      if (moved?.length) this.options.log.info('objection windows closed', { reports: moved });
      this.options.onRun?.(moved === null ? 'follower' : 'leader');
      return moved;
    } catch (error) {
      this.options.onRun?.('failed');
      this.options.log.warn('lifecycle scheduler run failed; retrying next interval', { error });
      return null;
    }
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
