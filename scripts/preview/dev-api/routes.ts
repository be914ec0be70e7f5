/**
 * The dev API: one route per `@AuraEnabled` Apex method the components call, keyed `Class.method`, with the Apex
 * method's parameter names in order (`params`). The reference gate (scripts/gates/references.ts) checks every key
 * against the controllers' Apex signatures, and every method a component imports has a route. Handlers answer with
 * the same JSON the controller returns, or throw `HandledError` (an `AuraHandledException`: the component sees
 * `error.body.message`).
 */
import { hasPermissions } from './context';
import { retryEntries } from './retry';
import { currentState } from './state';
import { MAX_RETRY, SYNC_LOG_PREFIX, HandledError, type LogQuery } from './sync-log';

export interface ApexRoute {
  /** The Apex method's parameter names, in order. */
  params: readonly string[];
  handle(args: Record<string, unknown>): unknown | Promise<unknown>;
}

const settings = () => currentState().settings;
const mappings = () => currentState().mappings;

export const apexRoutes: Record<string, ApexRoute> = {
  'AlowareMappingController.getMappingState': { params: [], handle: () => mappings().mappingState() },
  'AlowareMappingController.validateMappings': {
    params: ['mappings'],
    handle: (args) => mappings().validate(args.mappings)
  },
  'AlowareMappingController.saveMappings': { params: ['mappings'], handle: (args) => mappings().save(args.mappings) },
  'AlowareMappingController.getDeploymentStatus': {
    params: ['jobId', 'mappings'],
    handle: (args) => mappings().deploymentStatus(args.jobId, args.mappings)
  },
  'AlowareMappingController.searchLeads': {
    params: ['searchText'],
    handle: (args) => mappings().searchLeads(args.searchText)
  },
  'AlowareMappingController.getPreviewData': {
    params: ['leadId'],
    handle: (args) => mappings().previewData(args.leadId)
  },
  'AlowareSettingsController.getSettings': { params: [], handle: () => settings().json() },
  'AlowareSettingsController.saveSettings': { params: ['options'], handle: (args) => settings().save(args.options) },
  'AlowareSettingsController.saveApiToken': {
    params: ['token'],
    handle: (args) => settings().saveApiToken(args.token)
  },
  'AlowareSettingsController.testConnection': { params: [], handle: () => settings().testConnection() },
  'AlowareSettingsController.rotateWebhookCredential': {
    params: ['kind'],
    handle: (args) => settings().rotate(args.kind)
  },
  'AlowareSettingsController.finishWebhookRotation': { params: [], handle: () => settings().finishRotation() },
  'AlowareSettingsController.scheduleReconcile': {
    params: ['intervalMinutes'],
    handle: (args) => settings().scheduleReconcile(args.intervalMinutes)
  },
  'AlowareSettingsController.scheduleSweeper': { params: [], handle: () => settings().scheduleSweeper() },
  'AlowareSettingsController.startOperation': {
    params: ['operation'],
    handle: (args) => settings().startOperation(args.operation)
  },
  'AlowareSettingsController.getOperationStatus': {
    params: ['operation', 'jobId'],
    handle: (args) => settings().operationStatus(args.operation, args.jobId)
  },
  'AlowareSyncLogController.getLogPage': {
    params: ['query'],
    handle: (args) => currentState().syncLog.page(args.query as LogQuery | null | undefined, hasPermissions())
  },
  'AlowareSyncLogController.getLogDetail': {
    params: ['logId'],
    handle: (args) => currentState().syncLog.detail(args.logId, hasPermissions())
  },
  'AlowareSyncLogController.retryLogs': {
    params: ['logIds'],
    handle: (args) => {
      const logIds = args.logIds;
      if (!Array.isArray(logIds) || logIds.length === 0) {
        throw new HandledError('Select at least one sync log entry to retry.');
      }
      if (logIds.length > MAX_RETRY) {
        throw new HandledError(`Retry at most ${MAX_RETRY} entries at a time (${logIds.length} selected).`);
      }
      if (!hasPermissions()) {
        throw new HandledError(
          'You do not have permission to retry sync log entries. Ask your administrator for the Aloware Admin permission set.'
        );
      }
      const ids = new Set<string>();
      for (const id of logIds) {
        if (typeof id !== 'string' || !id.startsWith(SYNC_LOG_PREFIX)) {
          throw new HandledError('Only sync log entries can be retried.');
        }
        ids.add(id);
      }
      const queued = retryEntries(currentState(), [...ids]);
      const notQueued = ids.size - queued;
      return {
        requested: ids.size,
        queued,
        message:
          `${queued === 1 ? '1 entry' : `${queued} entries`} queued for retry.` +
          (notQueued > 0
            ? ` ${notQueued} could not be retried (only Failed outbound entries of existing Leads can).`
            : '')
      };
    }
  }
};
