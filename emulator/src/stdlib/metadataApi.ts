/**
 * The Metadata namespace for custom metadata deployments from Apex (Apex Reference Guide: Metadata Namespace —
 * Operations, DeployContainer, CustomMetadata, CustomMetadataValue, DeployCallback, DeployCallbackContext,
 * DeployResult, DeployDetails, DeployMessage, DeployStatus; Apex Developer Guide: Metadata, Testing Metadata
 * Deployments).
 *
 * Modelled:
 * - Every class of the namespace used for custom metadata is a platform object with public properties (read and
 *   written as fields); list properties start as empty lists (`customMetadata.values.add(customField)` is the
 *   Operations Class deploy example), other properties start null.
 * - `DeployContainer`: `addMetadata`, `getMetadata` (a copy of the list), `removeMetadata` and
 *   `removeMetadataByFullName` ("Returns true if the container changed as a result of the call").
 * - `Metadata.Operations.enqueueDeployment(container, callback)` returns the deployment job Id. The platform runs
 *   the deployment asynchronously and calls `DeployCallback.handleResult()` afterwards (DeployCallback Interface:
 *   "Salesforce calls your DeployCallback.handleResult() method asynchronously once the queued deployment
 *   completes"). The emulator records the request in `org.hooks.deployments`; `completeDeployment` plays the
 *   platform's part: applies the CustomMetadata components to the custom-metadata records that
 *   `Type__mdt.getAll()` / `getInstance()` read, and calls the callback in its own (asynchronous) transaction.
 * - In a test, deployments can't run (Testing Metadata Deployments: tests verify the DeployContainer and call the
 *   DeployCallback directly with test DeployResult / DeployCallbackContext instances; Trailhead "Test Your Metadata
 *   Deployment": "You can't actually test how the org looks after the deployment"). The platform's exception there,
 *   `System.AsyncException: Metadata cannot be deployed from within a test`, is known from org runs rather than a
 *   fetched page (fidelity/SOURCES.md section B).
 * - `fullName` of a record: `Type.Record` or `ns__Type.ns__Record` (the type without `__mdt`, as in the Operations
 *   Class examples `MyNamespace__MyMetadataTypeName.MyMetadataRecordName`); `Type__mdt.Record` is accepted too.
 *
 * Not modelled: other metadata types (Layout, …) in a container (they fail the deployment with a component
 * failure), `Metadata.Operations.retrieve` (throws), deploy limits, protected-record visibility across namespaces.
 */
import type { Emulator } from '../emulator';
import type { Org } from '../data/org';
import { Limits } from '../data/limits';
import type { CustomMetadataRecord } from '../metadata/model';
import { ApexThrow } from '../runtime/interpreter';
import type { Interpreter } from '../runtime/interpreter';
import { RuntimeFault, fault, str } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import {
  ApexDatetime,
  ApexDecimal,
  ApexDouble,
  ApexId,
  ApexList,
  ApexObject,
  EnumValue,
  NativeObject,
  T
} from '../runtime/values';

const MD = {
  metadata: 'Metadata.Metadata',
  container: 'Metadata.DeployContainer',
  customMetadata: 'Metadata.CustomMetadata',
  value: 'Metadata.CustomMetadataValue',
  result: 'Metadata.DeployResult',
  details: 'Metadata.DeployDetails',
  message: 'Metadata.DeployMessage',
  context: 'Metadata.DeployCallbackContext',
  callback: 'Metadata.DeployCallback',
  operations: 'Metadata.Operations',
  status: 'Metadata.DeployStatus',
  problemType: 'Metadata.DeployProblemType',
  metadataType: 'Metadata.MetadataType'
};

const DEPLOY_STATUS = ['Pending', 'InProgress', 'Succeeded', 'SucceededPartial', 'Failed', 'Canceling', 'Canceled'];

/** Public properties of each class and their initial values (lists start empty, everything else null). */
const PROPERTIES: Record<string, Record<string, () => unknown>> = {
  [MD.customMetadata]: {
    fullname: () => null,
    label: () => null,
    description: () => null,
    protected_x: () => null,
    values: () => new ApexList(T(MD.value), [])
  },
  [MD.value]: { field: () => null, value: () => null },
  [MD.result]: Object.fromEntries(
    [
      'canceledBy',
      'canceledByName',
      'checkOnly',
      'completedDate',
      'createdBy',
      'createdByName',
      'createdDate',
      'details',
      'done',
      'errorMessage',
      'errorStatusCode',
      'id',
      'ignoreWarnings',
      'lastModifiedDate',
      'numberComponentErrors',
      'numberComponentsDeployed',
      'numberComponentsTotal',
      'numberTestErrors',
      'numberTestsCompleted',
      'numberTestsTotal',
      'runTestsEnabled',
      'rollbackOnError',
      'startDate',
      'stateDetail',
      'status',
      'success'
    ].map((p) => [p.toLowerCase(), () => null])
  ),
  [MD.details]: {
    componentfailures: () => new ApexList(T(MD.message), []),
    componentsuccesses: () => new ApexList(T(MD.message), []),
    retrieveresult: () => null,
    runtestresult: () => null
  },
  [MD.message]: Object.fromEntries(
    [
      'changed',
      'columnNumber',
      'componentType',
      'created',
      'createdDate',
      'deleted',
      'fileName',
      'fullName',
      'id',
      'lineNumber',
      'problem',
      'problemType',
      'success'
    ].map((p) => [p.toLowerCase(), () => null])
  )
};

function newObject(type: string): NativeObject {
  const data: Record<string, unknown> = {};
  for (const [k, init] of Object.entries(PROPERTIES[type] ?? {})) data[k] = init();
  return new NativeObject(type, data);
}

const orgOf = (interp: Interpreter): Org => interp.platform as unknown as Org;

/** One recorded `enqueueDeployment` call (`org.hooks.deployments`). */
export interface DeploymentRecord {
  id: string;
  container: NativeObject;
  callback: ApexObject | null;
  status: 'Pending' | 'Succeeded' | 'Failed';
  /** Set by completeDeployment. */
  result?: NativeObject;
}

export function deploymentsOf(org: Org): DeploymentRecord[] {
  let list = org.hooks.deployments as DeploymentRecord[] | undefined;
  if (!list) {
    list = [];
    org.hooks.deployments = list;
  }
  return list;
}

let idCounter = 1;

/** An Id with a given key prefix (0Af DeployRequest, 707 AsyncApexJob) and a running number. */
function newKeyedId(prefix: string): string {
  const id15 = prefix + String(idCounter++).padStart(12, '0');
  return id15 + ApexId.checksum(id15);
}

function itemsOf(container: NativeObject): unknown[] {
  let items = container.data.__items as unknown[] | undefined;
  if (!items) {
    items = [];
    container.data.__items = items;
  }
  return items;
}

function requireNative(v: unknown, type: string, what: string): NativeObject {
  if (v === null || v === undefined) throw fault('System.NullPointerException', `Argument cannot be null: ${what}`);
  if (!(v instanceof NativeObject) || v.type !== type)
    throw fault('System.TypeException', `Invalid ${what}: expected ${type}`);
  return v;
}

export function registerMetadataApi(r: Registry): void {
  r.type(MD.metadata);
  for (const t of [MD.container, MD.customMetadata, MD.value, MD.result, MD.details, MD.message, MD.context]) {
    // CustomMetadata is a Metadata.Metadata (the type DeployContainer.addMetadata takes).
    r.type(t, t === MD.customMetadata ? { parent: MD.metadata } : {});
    r.ctor(t, () =>
      t === MD.container
        ? new NativeObject(t, { __items: [] })
        : t === MD.context
          ? new NativeObject(t, { __jobid: null })
          : newObject(t)
    );
    r.method(t, 'clone', ({ self }) => {
      const o = self as NativeObject;
      const data = { ...o.data };
      if (Array.isArray(data.__items)) data.__items = [...(data.__items as unknown[])];
      return new NativeObject(o.type, data);
    });
  }
  r.type(MD.callback, { isInterface: true });
  r.type(MD.operations);
  for (const [name, values] of [
    [MD.status, DEPLOY_STATUS],
    [MD.problemType, ['Warning', 'Error', 'Info']],
    [MD.metadataType, ['CustomMetadata', 'Layout']]
  ] as const) {
    const t = r.enumType(name, [...values]);
    // Every Apex enum has values() and valueOf(String) (Apex Developer Guide, Enums).
    r.static(name, 'values', () => new ApexList(T(name), [...(t.enumValues ?? [])]));
    r.static(name, 'valueOf', (_c, [v]) => {
      const found = t.enumValues?.find((e) => e.name === v);
      if (!found) throw fault('System.NoSuchElementException', `No enum constant ${name}.${str(v ?? null)}`);
      return found;
    });
  }

  // DeployContainer
  r.method(MD.container, 'addMetadata', ({ self }, [md]) => {
    if (md === null || md === undefined) throw fault('System.NullPointerException', 'Argument cannot be null.');
    itemsOf(self as NativeObject).push(md);
    return null;
  });
  r.method(MD.container, 'getMetadata', ({ self }) => new ApexList(T(MD.metadata), [...itemsOf(self as NativeObject)]));
  r.method(MD.container, 'removeMetadata', ({ self }, [md]) => {
    const items = itemsOf(self as NativeObject);
    const i = items.indexOf(md);
    if (i < 0) return false;
    items.splice(i, 1);
    return true;
  });
  r.method(MD.container, 'removeMetadataByFullName', ({ self }, [name]) => {
    const items = itemsOf(self as NativeObject);
    const i = items.findIndex((x) => x instanceof NativeObject && x.data.fullname === name);
    if (i < 0) return false;
    items.splice(i, 1);
    return true;
  });

  // DeployCallbackContext
  r.method(MD.context, 'getCallbackJobId', ({ self }) => {
    const id = (self as NativeObject).data.__jobid;
    return typeof id === 'string' ? new ApexId(id) : null;
  });

  // Operations
  r.static(MD.operations, 'enqueueDeployment', ({ interp }, [container, callback]) => {
    const org = orgOf(interp);
    const c = requireNative(container, MD.container, 'container');
    if (callback !== null && callback !== undefined) {
      if (!(callback instanceof ApexObject) || !interp.implementsNative(callback.cls, 'metadata.deploycallback')) {
        throw fault('System.TypeException', 'The callback must implement Metadata.DeployCallback');
      }
    }
    if (org.inTest) throw fault('System.AsyncException', 'Metadata cannot be deployed from within a test');
    const id = newKeyedId('0Af');
    // The container is captured as it is now (later changes to it don't change the queued deployment).
    const snapshot = new NativeObject(MD.container, { __items: [...itemsOf(c)] });
    deploymentsOf(org).push({
      id,
      container: snapshot,
      callback: (callback as ApexObject | null) ?? null,
      status: 'Pending'
    });
    org.limits.uncommittedWork = true;
    return new ApexId(id);
  });
  r.static(MD.operations, 'retrieve', () => {
    throw fault('System.UnexpectedException', 'Metadata.Operations.retrieve is not supported by the emulator');
  });
}

// ------------------------------------------------------------------ the platform's side of a deployment

export interface DeployOutcome {
  /** false: the deployment fails with `messages` as component failures (nothing is applied). */
  success: boolean;
  messages?: { fullName?: string; problem: string; componentType?: string }[];
}

export interface CompletedDeployment {
  result: NativeObject;
  /** The callback's uncaught exception, if it threw. */
  callbackError?: { type: string; message: string };
}

/** `Type.Record` / `ns__Type.ns__Record` / `Type__mdt.Record` → object and developer name (namespace removed). */
export function parseFullName(fullName: string, namespace: string): { type: string; developerName: string } | null {
  const dot = fullName.indexOf('.');
  if (dot <= 0 || dot === fullName.length - 1) return null;
  let type = fullName.substring(0, dot);
  let record = fullName.substring(dot + 1);
  const prefix = namespace ? namespace.toLowerCase() + '__' : '';
  if (prefix && type.toLowerCase().startsWith(prefix)) type = type.substring(prefix.length);
  if (prefix && record.toLowerCase().startsWith(prefix)) record = record.substring(prefix.length);
  if (!/__mdt$/i.test(type)) type += '__mdt';
  return { type, developerName: record };
}

function plainValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof ApexDecimal) return v.v.toNumber();
  if (v instanceof ApexDouble) return v.v;
  if (v instanceof EnumValue) return v.name;
  return str(v);
}

function message(
  r: Registry,
  fields: {
    fullName: string | null;
    componentType: string;
    success: boolean;
    problem?: string;
    created?: boolean;
    changed?: boolean;
  }
): NativeObject {
  const m = newObject(MD.message);
  m.data.fullname = fields.fullName;
  m.data.componenttype = fields.componentType;
  m.data.success = fields.success;
  m.data.problem = fields.problem ?? null;
  m.data.problemtype = fields.problem ? findEnum(r, MD.problemType, 'Error') : null;
  m.data.created = fields.created ?? false;
  m.data.changed = fields.changed ?? false;
  m.data.deleted = false;
  return m;
}

function findEnum(r: Registry, type: string, name: string): EnumValue | null {
  return r.lookupType(type)?.enumValues?.find((e) => e.name === name) ?? null;
}

/** Plans the record changes for a container; problems become component failures. */
function plan(
  org: Org,
  container: NativeObject
): { upserts: CustomMetadataRecord[]; successes: NativeObject[]; failures: NativeObject[] } {
  const r = org.interp.registry;
  const ns = org.project?.namespace || '';
  const upserts: CustomMetadataRecord[] = [];
  const successes: NativeObject[] = [];
  const failures: NativeObject[] = [];
  const existing = org.project?.customMetadata ?? [];
  for (const item of itemsOf(container)) {
    if (!(item instanceof NativeObject) || item.type !== MD.customMetadata) {
      const type = item instanceof NativeObject ? item.type.replace(/^Metadata\./, '') : 'Unknown';
      failures.push(
        message(r, {
          fullName: item instanceof NativeObject ? (item.data.fullname as string) : null,
          componentType: type,
          success: false,
          problem: `The emulator deploys only CustomMetadata components, not ${type}`
        })
      );
      continue;
    }
    const fullName = item.data.fullname === null || item.data.fullname === undefined ? '' : str(item.data.fullname);
    const parsed = parseFullName(fullName, ns);
    const model = parsed ? org.object(parsed.type) : undefined;
    if (!parsed || !model || model.kind !== 'custom-metadata') {
      failures.push(
        message(r, {
          fullName,
          componentType: 'CustomMetadata',
          success: false,
          problem: `Invalid fullName or custom metadata type: ${fullName}`
        })
      );
      continue;
    }
    const values: Record<string, string | number | boolean | null> = {};
    let bad: string | null = null;
    const list = item.data.values;
    for (const v of list instanceof ApexList ? list.items : []) {
      if (!(v instanceof NativeObject)) continue;
      let fieldName = str(v.data.field ?? '');
      if (ns && fieldName.toLowerCase().startsWith(ns.toLowerCase() + '__'))
        fieldName = fieldName.substring(ns.length + 2);
      const f = model.fields[fieldName.toLowerCase()];
      if (!f) {
        bad = `No such column '${fieldName}' on entity '${model.name}'`;
        break;
      }
      values[f.name] = plainValue(v.data.value);
    }
    if (bad) {
      failures.push(message(r, { fullName, componentType: 'CustomMetadata', success: false, problem: bad }));
      continue;
    }
    const before = existing.find(
      (m) =>
        m.type.toLowerCase() === model.name.toLowerCase() &&
        m.developerName.toLowerCase() === parsed.developerName.toLowerCase()
    );
    const label =
      item.data.label === null || item.data.label === undefined
        ? (before?.label ?? parsed.developerName)
        : str(item.data.label);
    upserts.push({
      type: model.name,
      developerName: before?.developerName ?? parsed.developerName,
      label,
      protected: item.data.protected_x === true,
      values: { ...(before?.values ?? {}), ...values }
    });
    successes.push(
      message(r, { fullName, componentType: 'CustomMetadata', success: true, created: !before, changed: !!before })
    );
  }
  return { upserts, successes, failures };
}

/**
 * Completes a queued deployment as the platform would: applies its CustomMetadata records (all or none) to the
 * emulator's custom-metadata store, builds the Metadata.DeployResult, and calls the callback's `handleResult` in
 * a new asynchronous transaction with a DeployCallbackContext whose `getCallbackJobId()` is the callback job's Id.
 */
export function completeDeployment(
  emulator: Emulator,
  id: string,
  outcome: DeployOutcome = { success: true }
): CompletedDeployment {
  const { interp, org } = emulator;
  const deployment = deploymentsOf(org).find((d) => d.id === id || d.id.substring(0, 15) === id.substring(0, 15));
  if (!deployment) throw new Error(`No queued deployment ${id}`);
  if (deployment.status !== 'Pending') throw new Error(`Deployment ${id} is already ${deployment.status}`);

  const p = plan(org, deployment.container);
  const r = interp.registry;
  if (!outcome.success) {
    for (const m of outcome.messages ?? [{ problem: 'Deployment failed' }]) {
      p.failures.push(
        message(r, {
          fullName: m.fullName ?? null,
          componentType: m.componentType ?? 'CustomMetadata',
          success: false,
          problem: m.problem
        })
      );
    }
  }
  const ok = p.failures.length === 0;
  if (ok && org.project) {
    const store = org.project.customMetadata;
    for (const u of p.upserts) {
      const i = store.findIndex(
        (m) =>
          m.type.toLowerCase() === u.type.toLowerCase() &&
          m.developerName.toLowerCase() === u.developerName.toLowerCase()
      );
      if (i >= 0) store[i] = { ...store[i], ...u };
      else store.push(u);
    }
  }
  deployment.status = ok ? 'Succeeded' : 'Failed';

  const total = itemsOf(deployment.container).length;
  const now = new ApexDatetime(interp.now());
  const result = newObject(MD.result);
  const details = newObject(MD.details);
  (details.data.componentsuccesses as ApexList).items.push(...(ok ? p.successes : []));
  (details.data.componentfailures as ApexList).items.push(...p.failures);
  Object.assign(result.data, {
    id: new ApexId(deployment.id),
    status: findEnum(interp.registry, MD.status, ok ? 'Succeeded' : 'Failed'),
    success: ok,
    done: true,
    checkonly: false,
    ignorewarnings: false,
    rollbackonerror: true,
    runtestsenabled: false,
    numbercomponentstotal: total,
    numbercomponentsdeployed: ok ? total : 0,
    numbercomponenterrors: p.failures.length,
    numbertestscompleted: 0,
    numbertesterrors: 0,
    numberteststotal: 0,
    createddate: now,
    startdate: now,
    lastmodifieddate: now,
    completeddate: now,
    createdby: org.user.id,
    details
  });
  deployment.result = result;

  const out: CompletedDeployment = { result };
  if (deployment.callback) {
    const context = new NativeObject(MD.context, { __jobid: newKeyedId('707') });
    interp.resetTransaction();
    const savedLimits = org.limits;
    const savedInTest = org.inTest;
    org.limits = new Limits(true);
    org.inTest = false;
    try {
      interp.callMethod(deployment.callback, 'handleResult', [result, context]);
    } catch (e) {
      if (!(e instanceof ApexThrow) && !(e instanceof RuntimeFault)) throw e;
      const err = e instanceof RuntimeFault ? (interp.materialize(e) as ApexThrow) : e;
      out.callbackError = { type: err.exception.cls.name, message: str(err.exception.fields.get('$message') ?? null) };
    } finally {
      org.limits = savedLimits;
      org.inTest = savedInTest;
    }
  }
  return out;
}
