import 'reflect-metadata';
import fs from 'node:fs';
import { execute, parse } from 'graphql';
import { buildAppSchema, createAppPubSub } from '../src/core/graphql/schema';
(async () => {
  const schema = await buildAppSchema(createAppPubSub());
  const ctx = { stats: { statements: 0 }, sql: async (text: string, params: unknown[]) => { console.log(text); console.log(JSON.stringify(params)); return [{ result: null }]; } };
  await execute({ schema, document: parse(fs.readFileSync(process.argv[2], 'utf8')), contextValue: ctx });
})();
