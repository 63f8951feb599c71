/** Public option/result types of the embedded PostgreSQL launcher, plus the shared RunAs identity. */
export type EmbeddedPostgresLogLevel = 'info' | 'warn' | 'error';
export type EmbeddedPostgresLog = (
  level: EmbeddedPostgresLogLevel,
  msg: string,
  fields?: Record<string, unknown>,
) => void;

export type EmbeddedPostgresOptions = {
  /** Persistent data folder; omitted => throw-away temp folder deleted on stop. */
  dataDir?: string;
  /** Database to create if missing, default 'dmc_catalogue'. */
  database?: string;
  /** Default: a free port on 127.0.0.1 picked at start. */
  port?: number;
  log?: EmbeddedPostgresLog;
  /** Default 30000. */
  startTimeoutMs?: number;
  /** fsync=off, full_page_writes=off, synchronous_commit=off (default: true when no dataDir). */
  fastUnsafe?: boolean;
  /**
   * When a PostgreSQL already serves `dataDir` (its `postmaster.pid` names a live postgres), connect to it
   * instead of failing with EMBEDDED_PG_DATA_DIR_IN_USE; `stop()` then leaves it running. Default false.
   */
  attachToRunning?: boolean;
};

export type EmbeddedPostgres = {
  url: string;
  port: number;
  /** Where the data actually lives (may differ from the requested dataDir, see the warn log). */
  dataDir: string;
  /** True when this is a server another process started (`attachToRunning`); `stop()` is then a no-op. */
  attached: boolean;
  stop(): Promise<void>;
};

/** The OS account the server runs as when we are root (PostgreSQL refuses uid 0). */
export type RunAs = { uid: number; gid: number; name: string };
