import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { createLoaders, type Loaders } from './loaders';

/**
 * Who is asking. Supplier viewers see only their own installations; DCC staff see everything.
 * Until authentication lands, every request is a development DCC_STAFF viewer unless (outside production)
 * the `x-dev-viewer-role` / `x-dev-viewer-supplier-id` headers say otherwise.
 */
export type Viewer = { role: 'DCC_STAFF' } | { role: 'SUPPLIER'; supplierId: number };

export type Context = {
  em: EntityManager;
  loaders: Loaders;
  viewer: Viewer;
  requestId: string;
  log: Logger;
};

export function createContext(em: EntityManager, viewer: Viewer, requestId: string, log: Logger): Context {
  const fork = em.fork();
  return { em: fork, loaders: createLoaders(fork), viewer, requestId, log };
}

export const DEVELOPMENT_VIEWER: Viewer = { role: 'DCC_STAFF' };

/** Reads the development viewer headers; returns undefined when they are absent, throws when malformed. */
export function viewerFromHeaders(
  headers: Record<string, string | string[] | undefined>,
): Viewer | undefined {
  const role = headers['x-dev-viewer-role'];
  if (role === undefined) return undefined;
  if (role === 'DCC_STAFF') return { role };
  if (role === 'SUPPLIER') {
    const id = Number(headers['x-dev-viewer-supplier-id']);
    if (!Number.isInteger(id) || id < 1)
      throw new Error('x-dev-viewer-supplier-id must be a positive integer for a SUPPLIER viewer');
    return { role, supplierId: id };
  }
  throw new Error(`x-dev-viewer-role must be DCC_STAFF or SUPPLIER; got ${JSON.stringify(role)}`);
}
