import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { GraphQLError } from 'graphql';
import { ErrorCode, quote } from './errors';

/**
 * Trusted documents: persisted-document manifests in GraphQL Code Generator's client preset format
 * (`persisted-documents.json`: `{ "sha256:<hex of the text's sha256>": "<document text>" }`, or bare hex ids), configured by
 * `TRUSTED_DOCUMENTS`. A request may name a document by its id instead of sending its text — the client
 * preset's `documentId` body field, or Apollo's `extensions.persistedQuery.sha256Hash` — and a viewer whose
 * credential is restricted to trusted documents may only run the manifest's documents (by id, or by text
 * whose sha256 is in it). An unknown id is PERSISTED_QUERY_NOT_FOUND for everyone (HTTP 400): the ids come
 * from the manifest only, the server does not learn new ones (no automatic persisted queries).
 */

export class TrustedDocumentsError extends Error {
  override name = 'TrustedDocumentsError';
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An id as the client preset writes it with `hashAlgorithm: 'sha256'` (`sha256:<hex>`) or bare (`<hex>`). */
const bareId = (id: string) => (id.startsWith('sha256:') ? id.slice('sha256:'.length) : id);

export class TrustedDocuments {
  private constructor(private readonly byId: ReadonlyMap<string, string>) {}

  /** No manifest: ids are unknown, and a restricted credential can run nothing. */
  static readonly NONE = new TrustedDocuments(new Map());

  /** Reads and checks the manifests; a missing or malformed file stops start-up with its path and problem. */
  static load(paths: readonly string[]): TrustedDocuments {
    const byId = new Map<string, string>();
    for (const path of paths) {
      let manifest: unknown;
      try {
        manifest = JSON.parse(fs.readFileSync(path, 'utf8'));
      } catch (error) {
        throw new TrustedDocumentsError(
          `trusted documents: cannot read ${path} as JSON: ${(error as Error).message}`,
        );
      }
      if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
        throw new TrustedDocumentsError(
          `trusted documents: ${path} must be an object of "<sha256>": "<document text>"`,
        );
      for (const [id, text] of Object.entries(manifest)) {
        if (typeof text !== 'string' || sha256(text) !== bareId(id))
          throw new TrustedDocumentsError(
            `trusted documents: in ${path}, ${JSON.stringify(id.slice(0, 80))} is not the sha256 of its document ` +
              '(generate the manifest with the client preset and hashAlgorithm: sha256)',
          );
        byId.set(bareId(id), text);
      }
    }
    return new TrustedDocuments(byId);
  }

  get size(): number {
    return this.byId.size;
  }

  /** The text of a document by its id; undefined when unknown. */
  text(id: string): string | undefined {
    return this.byId.get(bareId(id));
  }

  /** Whether a document's text is one of the manifest's (by its sha256). */
  isTrusted(text: unknown): boolean {
    return typeof text === 'string' && this.byId.size > 0 && this.byId.has(sha256(text));
  }
}

export function persistedQueryNotFound(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_FOUND, http: { status: 400 } },
  });
}

/** What a request asked for: the document's text, or the id of a persisted document, or neither. */
export type DocumentRequest = {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
};

/** The id a request names its document by (`documentId`, or `extensions.persistedQuery.sha256Hash`). */
export function requestedDocumentId(request: DocumentRequest): unknown {
  if (request.documentId !== undefined && request.documentId !== null) return request.documentId;
  const extensions = request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined;
  return typeof extensions === 'object' && extensions !== null
    ? extensions.persistedQuery?.sha256Hash
    : undefined;
}

/**
 * The text of the document a request asks to run: its `query` when it sends one, else the manifest's text
 * of its id. Throws PERSISTED_QUERY_NOT_FOUND for an id that is not in the manifest; returns `fromManifest`
 * when the text is the manifest's (so it need not be hashed again).
 */
export function resolveDocument(
  documents: TrustedDocuments,
  request: DocumentRequest,
): { query: unknown; fromManifest: boolean; named: boolean } {
  const id = requestedDocumentId(request);
  if (id === undefined) return { query: request.query, fromManifest: false, named: false };
  if (typeof request.query === 'string' && request.query !== '')
    return { query: request.query, fromManifest: false, named: true };
  const text = typeof id === 'string' ? documents.text(id) : undefined;
  if (text === undefined)
    throw persistedQueryNotFound(
      `No trusted document has the id ${quote(id)}: send an id from the ` +
        "server's persisted-document manifest (or the document's text, if your credential allows it)",
    );
  return { query: text, fromManifest: true, named: true };
}

/** The refusal of a document that is not in the manifest, for a credential restricted to trusted documents. */
export function untrustedDocument(): GraphQLError {
  return persistedQueryNotFound(
    "This credential may only run trusted documents, and this document is not in the server's " +
      'persisted-document manifest: send the documentId of one of its documents',
  );
}
