// Preloaded (node --require) by prod-smoke.js: the package's devDependencies cannot be loaded, as after
// `npm ci --omit=dev`, so a runtime import of ts-node, typescript, swc or any other build or test tool fails
// the smoke check even where they are installed.
'use strict';
const Module = require('node:module');
const path = require('node:path');
const { devDependencies } = require(path.join(__dirname, '..', 'package.json'));

const dev = new Set(Object.keys(devDependencies ?? {}));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const parts = request.split('/');
  const name = request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (dev.has(name)) {
    const error = new Error(`Cannot find module '${request}': a devDependency, not installed in production`);
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return resolveFilename.call(this, request, ...rest);
};
