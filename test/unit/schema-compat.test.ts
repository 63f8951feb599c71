import fs from 'node:fs';
import path from 'node:path';
import { compareSchemas } from '../../src/core/graphql/schema-compat';

const BASE = `
type Query { dmc(id: ID!, asOf: String @deprecated(reason: "use at")): Dmc, old: Int @deprecated(reason: "gone soon") }
type Dmc { id: ID!, label: String!, legacyCode: String @deprecated(reason: "use label"), state: State! }
enum State { ACTIVE RETIRED LEGACY @deprecated(reason: "not used") }
`;

describe('schema compatibility check', () => {
  it('passes an added field', () => {
    const next = BASE.replace('state: State! }', 'state: State!, notes: String }');
    expect(compareSchemas(BASE, next)).toEqual({ breaking: [], deprecatedRemovals: [] });
  });

  it('fails a removed field that was not deprecated', () => {
    const next = BASE.replace('label: String!, ', '');
    expect(compareSchemas(BASE, next).breaking).toEqual([
      { type: 'FIELD_REMOVED', description: 'Dmc.label was removed.' },
    ]);
  });

  it('fails a retyped field, even a deprecated one', () => {
    const next = BASE.replace('label: String!', 'label: Int!');
    expect(compareSchemas(BASE, next).breaking).toEqual([
      { type: 'FIELD_CHANGED_KIND', description: 'Dmc.label changed type from String! to Int!.' },
    ]);
  });

  it('allows removing a field, an argument and an enum value that were deprecated first', () => {
    const next = BASE.replace(', legacyCode: String @deprecated(reason: "use label")', '')
      .replace(', asOf: String @deprecated(reason: "use at")', '')
      .replace(' LEGACY @deprecated(reason: "not used")', '')
      .replace(', old: Int @deprecated(reason: "gone soon")', '');
    const report = compareSchemas(BASE, next);
    expect(report.breaking).toEqual([]);
    expect(report.deprecatedRemovals.map((r) => r.description).sort()).toEqual([
      'Dmc.legacyCode was removed.',
      'LEGACY was removed from enum type State.',
      'Query.dmc arg asOf was removed.',
      'Query.old was removed.',
      'Standard scalar Int was removed because it is not referenced anymore.',
    ]);
  });

  it('fails a removed enum value and a new required argument', () => {
    const next = BASE.replace('RETIRED ', '').replace('dmc(id: ID!,', 'dmc(id: ID!, cohort: String!,');
    expect(
      compareSchemas(BASE, next)
        .breaking.map((b) => b.type)
        .sort(),
    ).toEqual(['REQUIRED_ARG_ADDED', 'VALUE_REMOVED_FROM_ENUM']);
  });

  it('passes the committed schema against itself', () => {
    const sdl = fs.readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(compareSchemas(sdl, sdl).breaking).toEqual([]);
  });
});
