/**
 * Every PostgreSQL advisory lock key the platform takes, in one place: two features sharing a key block each
 * other (a session holding the start-up lock while its seeding commits events would wait for itself for
 * ever). `test/unit/advisory-locks.test.ts` checks that the keys are distinct and that the migration taking
 * the event-sequence lock uses this value.
 */
export const ADVISORY_LOCKS = {
  /** The lifecycle scheduler's leader (transaction-scoped, tried): one instance applies due transitions. */
  scheduler: 8_190_020_001,
  /** Numbering `domain_event.position` at commit (transaction-scoped; taken in migration `EpclEvents`). */
  eventSequence: 8_190_020_002,
  /** Allocating the next EPCL ID (transaction-scoped). */
  epclIdAllocation: 8_190_020_004,
  /** Migrations and demo seeding at start-up (session-scoped, on a session of its own). */
  startup: 8_190_020_005,
  /** SupplierImpact derivation for one report: the first of two int4 keys, the report id the second. */
  supplierImpact: 819_002_003,
} as const;
