#!/usr/bin/env node
'use strict';
// `npx dmc <command>`: runs the TypeScript entry point through ts-node (transpile only, no type check).
const path = require('node:path');
require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
require('../src/cli/main')
  .runCli(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`dmc: ${error && error.stack ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
