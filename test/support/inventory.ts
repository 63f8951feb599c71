import type { SeedOptions } from '../../seeds';

/** The inventory every test database starts with: small, deterministic, with report 22 candidates in it. */
export const TEST_INVENTORY: SeedOptions = { installations: 4_000, seed: 7, report22Candidates: 900 };
