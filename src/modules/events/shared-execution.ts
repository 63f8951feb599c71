import {
  createSourceEventStream,
  execute,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { Context } from '../../core/graphql/context';

/**
 * Subscriptions over graphql-ws that share the work of an event.
 *
 * graphql-js runs a subscription's selection set once per subscriber per event (`execute` with the event as
 * root): with 1,000 subscribers to one event, 1,000 executions that resolve the same objects (one compiled
 * statement each for an entry, a report, a DMC) and build the same result. Here, for one event, the
 * selection runs once per distinct (document, operation name, variables, viewer scope) among the
 * subscribers that accept it, and each of them is handed that one `ExecutionResult`; graphql-ws then adds
 * the subscription's id (and `onNext` its own `extensions`) and serialises it per socket.
 *
 * What a result depends on, and so the key: the document (printed, so formatting does not matter), the
 * operation name, the variables, and the viewer's scope, which is its role and, for a supplier, its
 * supplier id (the compiler scopes reads by exactly these; `subject` and the credential name the actor of
 * writes only). Anything else in the context (request id, logger, the socket's address) does not change
 * what a read returns.
 *
 * An event is shared only when it is the same object for every subscriber: the hub hands each live outbox
 * row to every stream as one object, so live events share; a replayed page is read per subscription, so
 * replays execute per subscriber (as before). The results of an event live in a WeakMap keyed by that
 * object, and go when the last stream has let go of the event. Filters, scoping of *which* events a
 * subscriber receives, ordering, replay, backpressure and expiry stay in each subscription's stream
 * (`EpclEventStream`): sharing changes only how the delivered event's payload is computed.
 */

/** Results of one event by sharing key. */
const RESULTS = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
const PRINTED = new WeakMap<DocumentNode, string>();

/** The sharing key of a subscription: what its results depend on besides the event. */
export function sharingKey(args: ExecutionArgs): string {
  let text = PRINTED.get(args.document);
  if (text === undefined) PRINTED.set(args.document, (text = print(args.document)));
  const viewer = (args.contextValue as Partial<Context> | undefined)?.viewer;
  const scope = viewer ? `${viewer.role}:${viewer.role === 'SUPPLIER' ? viewer.supplierId : ''}` : '-';
  return `${scope}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${text}`;
}

export type SharedSubscribeOptions = {
  /** Hears each event delivered to a subscription: `shared` when it reused another subscription's result. */
  onExecution?: (shared: boolean) => void;
};

/**
 * A `subscribe` for graphql-ws's `useServer` (in place of graphql-js's): the source stream comes from the
 * subscription field's resolver as usual; each event is mapped to its result through the shared cache.
 */
export function sharedSubscribe(options: SharedSubscribeOptions = {}) {
  return async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const key = sharingKey(args);
    return mapEvents(source[Symbol.asyncIterator](), (event) => {
      if (typeof event !== 'object' || event === null) {
        options.onExecution?.(false);
        return Promise.resolve(execute({ ...args, rootValue: event }));
      }
      let results = RESULTS.get(event);
      if (!results) RESULTS.set(event, (results = new Map<string, Promise<ExecutionResult>>()));
      let result = results.get(key);
      options.onExecution?.(result !== undefined);
      if (!result) {
        result = Promise.resolve(execute({ ...args, rootValue: event }));
        results.set(key, result);
      }
      return result;
    });
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * The source's events mapped to results. A hand-written iterator (as graphql-js's mapAsyncIterator):
 * `return()` reaches the source at once, even while a `next()` waits for an event.
 */
function mapEvents<T, R>(source: AsyncIterator<T>, map: (value: T) => Promise<R>): AsyncIterableIterator<R> {
  const close = async () => {
    await source.return?.();
  };
  return {
    async next(): Promise<IteratorResult<R>> {
      const item = await source.next();
      if (item.done) return { done: true, value: undefined };
      try {
        return { done: false, value: await map(item.value) };
      } catch (error) {
        await close().catch(() => undefined);
        throw error;
      }
    },
    async return(): Promise<IteratorResult<R>> {
      await close();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown): Promise<IteratorResult<R>> {
      if (source.throw) {
        await source.throw(error);
        return { done: true, value: undefined };
      }
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
