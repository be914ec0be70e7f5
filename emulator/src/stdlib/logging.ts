/**
 * `System.LoggingLevel` (Apex Reference Guide, LoggingLevel Enum): the levels `System.debug(LoggingLevel, msg)`
 * takes, from NONE to FINEST. The emulator writes debug output only with APEX_DEBUG set; the level is printed with it.
 */
import type { Registry } from '../runtime/registry';

export const LOGGING_LEVELS = ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'FINE', 'FINER', 'FINEST'];

export function registerLogging(r: Registry): void {
  r.enumType('System.LoggingLevel', LOGGING_LEVELS);
}
