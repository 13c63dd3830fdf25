/**
 * The Office.js request model of the simulated host: proxy objects queue actions in their
 * context, `sync()` sends the batch — counted, its JSON size measured and refused over 5 MB like
 * Excel on the web — and applies it in order. Properties are readable only after `load` + `sync`.
 */
import { HostError } from './model';

/** Excel on the web refuses requests and responses over 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface BatchRecord {
  /** UTF-8 bytes of the request as Excel on the web receives it (see webRequestBytes). */
  requestBytes: number;
  /** UTF-8 bytes of the JSON response, every loaded property value, JSON-encoded twice as well. */
  responseBytes: number;
  actions: number;
  failed?: string;
}

export interface HostStats {
  syncs: number;
  batches: BatchRecord[];
}

export interface HostConfig {
  /** ExcelApi version the host claims, e.g. "1.7". */
  apiVersion: string;
  payloadLimitBytes: number;
  /**
   * Some Excel 2019 builds (16.0.1440.20292, 64-bit) throw GeneralException from
   * WorksheetFreezePanes.freezeRows, halfway through the batch (OfficeDev/office-js #2196).
   */
  freezePanesFail?: boolean;
}

interface Action {
  payload: unknown;
  run: () => unknown;
}

let nextId = 1;

export class SimRequestContext {
  pending: Action[] = [];
  /** True while a batch runs: proxies reached by load paths then resolve at once. */
  running = false;
  /** The Workbook proxy, set by the host when it creates the context. */
  workbook: unknown;
  /** The Application proxy, set by the host with the workbook. */
  application: unknown;
  /** Accepted and ignored, as the adapter never needs tracked objects across batches. */
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  private responseBytes = 0;

  constructor(
    readonly stats: HostStats,
    readonly config: HostConfig,
  ) {}

  queue(payload: unknown, run: () => unknown): void {
    this.pending.push({ payload, run });
  }

  addResponse(value: unknown): void {
    this.responseBytes += utf8Bytes(JSON.stringify(JSON.stringify(value ?? null)));
  }

  async sync(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.stats.syncs += 1;
    const record: BatchRecord = {
      requestBytes: webRequestBytes(batch.map((a) => a.payload)),
      responseBytes: 0,
      actions: batch.length,
    };
    this.stats.batches.push(record);
    await Promise.resolve();
    if (record.requestBytes > this.config.payloadLimitBytes) {
      record.failed = 'RequestPayloadSizeLimitExceeded';
      throw new HostError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    }
    this.responseBytes = 0;
    this.running = true;
    try {
      // Like Excel, a failing action stops the batch; the actions before it stay applied.
      for (const action of batch) action.run();
    } catch (e) {
      record.failed = e instanceof HostError ? e.code : 'GeneralException';
      throw e instanceof HostError ? e : new HostError('GeneralException', String(e));
    } finally {
      this.running = false;
    }
    record.responseBytes = this.responseBytes;
    if (record.responseBytes > this.config.payloadLimitBytes) {
      record.failed = 'ResponsePayloadSizeLimitExceeded';
      throw new HostError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
    }
  }

  requireApi(version: string, member: string): void {
    if (!versionAtLeast(this.config.apiVersion, version)) {
      this.queue({ a: 'api', m: member }, () => {
        throw new HostError(
          'ApiNotFound',
          `${member} needs ExcelApi ${version}; this host supports ${this.config.apiVersion}.`,
        );
      });
    }
  }
}

/**
 * What a batch weighs on the wire to Excel on the web, which refuses requests over 5 MB
 * (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization:
 * "Excel on the web has a payload size limit for requests and responses of 5MB"). Office.js frames
 * each action verbosely (office.js RichApi: Actions with Id, ActionType, Name, ObjectPathId,
 * ArgumentInfo.Arguments, and an ObjectPaths entry for each object reached), and the web host
 * carries that JSON as a JSON string, escaping every quote again (+17–24 % on plan data, issue 14).
 */
export function webRequestBytes(payloads: readonly unknown[]): number {
  const frames = payloads.map((p, i) => {
    const { a, id, m, p: prop, args, v, of } = p as Record<string, unknown>;
    return {
      Id: i + 1,
      ActionType: a === 'new' ? 1 : a === 'set' ? 4 : a === 'load' ? 2 : 3,
      Name: (m ?? prop ?? '') as string,
      ObjectPathId: id,
      ArgumentInfo: { Arguments: args ?? (v === undefined ? [] : [v]) },
      ...(a === 'new' && {
        ObjectPath: {
          Id: id,
          ObjectPathType: 5,
          Name: m,
          ParentObjectPathId: of,
          ArgumentInfo: {},
        },
      }),
    };
  });
  return utf8Bytes(JSON.stringify(JSON.stringify({ Actions: frames })));
}

export function versionAtLeast(have: string, need: string): boolean {
  const [ha, hb] = have.split('.').map(Number);
  const [na, nb] = need.split('.').map(Number);
  return ha > na || (ha === na && (hb ?? 0) >= (nb ?? 0));
}

export function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

/**
 * Base of every proxy. `slot` receives the model object when the action that created the proxy
 * runs inside a sync; null marks a null object (from an *OrNullObject method), and methods of a
 * null object return null objects in turn.
 */
export abstract class Proxy<T> {
  readonly _id = nextId++;
  protected _slot: { value: T | null | undefined } = { value: undefined };
  private readonly _cache = new Map<string, unknown>();
  private _isNull: boolean | undefined;
  private readonly _navs = new Map<string, Proxy<unknown>>();

  constructor(
    readonly context: SimRequestContext,
    protected readonly _className: string,
  ) {}

  /** Queues the creation of a child proxy whose model is computed from this one's when the batch runs. */
  protected _child<C extends Proxy<U>, U>(
    child: C,
    name: string,
    args: unknown[],
    compute: (model: T) => U | null,
  ): C {
    this.context.queue(
      { a: 'new', id: child._id, of: this._id, m: name, args: args.map(argPayload) },
      () => {
        const model = this._slot.value;
        if (model === undefined)
          throw new HostError(
            'InvalidObjectPath',
            `${this._className} was used before it existed.`,
          );
        child._slot.value = model === null ? null : compute(model);
      },
    );
    return child;
  }

  /** A navigation property: the same proxy every time, created on first access. */
  protected _nav<C extends Proxy<U>, U>(
    name: string,
    make: () => C,
    compute: (model: T) => U | null,
  ): C {
    let nav = this._navs.get(name) as C | undefined;
    if (!nav) {
      if (this.context.running) {
        nav = make();
        const model = this._slot.value;
        nav._slot.value = model === null || model === undefined ? null : compute(model);
      } else {
        nav = this._child(make(), name, [], compute);
      }
      this._navs.set(name, nav as Proxy<unknown>);
    }
    return nav;
  }

  /** Set by a factory that already knows the model (collection items, created objects). */
  _resolveWith(model: T | null): void {
    this._slot.value = model;
  }

  _model(): T {
    const model = this._slot.value;
    if (model === undefined)
      throw new HostError('InvalidObjectPath', `${this._className} was used before it existed.`);
    if (model === null)
      throw new HostError('ItemNotFound', `The requested ${this._className} does not exist.`);
    return model;
  }

  protected _set(prop: string, value: unknown, apply: (model: T, value: unknown) => void): void {
    this.context.queue({ a: 'set', id: this._id, p: prop, v: argPayload(value) }, () =>
      apply(this._model(), value),
    );
  }

  protected _call(method: string, args: unknown[], apply: (model: T) => void): void {
    this.context.queue({ a: 'call', id: this._id, m: method, args: args.map(argPayload) }, () =>
      apply(this._model()),
    );
  }

  protected _get<V>(prop: string): V {
    if (!this._cache.has(prop)) {
      throw new HostError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this._cache.get(prop) as V;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined)
      throw new HostError('PropertyNotLoaded', "The property 'isNullObject' is not available.");
    return this._isNull;
  }

  /** Scalar properties this proxy can load, read from the model. */
  protected abstract _scalars(): string[];
  protected abstract _read(model: T, prop: string): unknown;
  /** Navigation properties usable in load paths such as "worksheet/name". */
  protected _navigate(prop: string): Proxy<unknown> | undefined {
    void prop;
    return undefined;
  }

  load(props?: string | string[] | { select?: string }): this {
    const paths = normalizePaths(props);
    this.context.queue({ a: 'load', id: this._id, p: paths }, () => this._applyLoad(paths));
    return this;
  }

  /** Runs inside sync: copies the requested properties from the model into the cache. */
  _applyLoad(paths: string[]): void {
    const model = this._slot.value;
    if (model === undefined)
      throw new HostError('InvalidObjectPath', `${this._className} was used before it existed.`);
    this._isNull = model === null;
    const wanted = paths.length === 0 ? this._scalars() : paths;
    const nested = new Map<string, string[]>();
    for (const path of wanted) {
      const [head, ...rest] = path.split('/');
      if (rest.length > 0 || this._navigate(head)) {
        nested.set(head, [...(nested.get(head) ?? []), ...(rest.length ? [rest.join('/')] : [])]);
        continue;
      }
      if (!this._scalars().includes(head))
        throw new HostError('InvalidArgument', `${this._className} has no property '${head}'.`);
      const value = model === null ? null : this._read(model, head);
      this._cache.set(head, value);
      this.context.addResponse(value);
    }
    for (const [head, rest] of nested) {
      const nav = this._navigate(head);
      if (!nav)
        throw new HostError(
          'InvalidArgument',
          `${this._className} has no navigation property '${head}'.`,
        );
      nav._applyLoad(rest);
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._cache);
  }
}

/**
 * A collection proxy: `items` after load. Loading "items/x" or "x" loads x on every item; items
 * are new proxies already bound to their model objects. M is the collection's owner in the model.
 */
export abstract class CollectionProxy<M, T, P extends Proxy<T>> extends Proxy<M> {
  private _items: P[] | undefined;

  protected abstract _makeItem(): P;
  protected abstract _list(model: M): T[];

  get items(): P[] {
    if (!this._items)
      throw new HostError('PropertyNotLoaded', "The property 'items' is not available.");
    return this._items;
  }

  protected override _scalars(): string[] {
    return ['count'];
  }

  protected override _read(model: M): unknown {
    return this._list(model).length;
  }

  override _applyLoad(paths: string[]): void {
    // The collection of a null object (e.g. the columns of a missing table) is empty.
    if (this._slot.value === null) {
      this._items = [];
      return;
    }
    const list = this._list(this._model());
    const itemPaths = paths
      .filter((p) => p !== 'count')
      .map((p) => (p.startsWith('items/') ? p.slice(6) : p === 'items' ? '' : p));
    if (paths.includes('count')) super._applyLoad(['count']);
    if (paths.length === 0 || itemPaths.length > 0) {
      this._items = list.map((m) => {
        const item = this._makeItem();
        item._resolveWith(m);
        item._applyLoad(itemPaths.filter((p) => p !== ''));
        return item;
      });
    }
  }
}

function normalizePaths(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined) return [];
  const list =
    typeof props === 'string'
      ? props.split(',')
      : Array.isArray(props)
        ? props
        : (props.select ?? '').split(',');
  return list.map((p) => p.trim()).filter((p) => p !== '');
}

function argPayload(value: unknown): unknown {
  return value instanceof Proxy ? { ref: value._id } : value;
}
