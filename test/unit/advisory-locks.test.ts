import fs from 'node:fs';
import path from 'node:path';
import { ADVISORY_LOCKS } from '../../src/core/db/advisory-locks';

describe('advisory lock keys', () => {
  it('are distinct: no two features block each other', () => {
    const keys = Object.values(ADVISORY_LOCKS);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('the event-sequence trigger takes the registered key, and no other literal key is in the migrations', () => {
    const dir = path.resolve(__dirname, '..', '..', 'migrations');
    const literals = fs
      .readdirSync(dir)
      .flatMap((file) => [
        ...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/pg_advisory_xact_lock\((\d+)\)/g),
      ])
      .map((m) => Number(m[1]));
    expect(literals).toEqual([ADVISORY_LOCKS.eventSequence]);
  });
});
