/**
 * Platform namespaces the emulator leaves unmodelled: DataWeave in Apex (`DataWeave.Script`) and Connect in Apex
 * (`ConnectApi`, `DataWeaveScriptResource.<script>`). Their types resolve (declarations and catch clauses work), and
 * every call into them fails with `not supported by the emulator: DataWeave` (or `ConnectApi`): an emulator error,
 * not an Apex exception, so no catch clause hides it and the test fails; the runner's grouped report counts these
 * failures apart. `System.DataWeaveScriptException` is the platform's exception type for DataWeave.
 */
import type { Registry } from '../runtime/registry';

export function registerUnsupported(r: Registry): void {
  r.unsupportedNamespace('DataWeave', 'DataWeave');
  r.unsupportedNamespace('DataWeaveScriptResource', 'DataWeave');
  r.unsupportedNamespace('ConnectApi', 'ConnectApi');
  r.exceptionType('System.DataWeaveScriptException');
}
