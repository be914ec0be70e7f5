/**
 * Platform namespaces the emulator leaves unmodelled: DataWeave in Apex (`DataWeave.Script`) and Connect in Apex
 * (`ConnectApi`, `DataWeaveScriptResource.<script>`). Their types resolve (declarations and catch clauses work), and
 * every call into them fails with `not supported by the emulator: DataWeave` (or `ConnectApi`): an emulator error,
 * not an Apex exception, so no catch clause hides it and the test fails; the runner's grouped report counts these
 * failures apart. `System.DataWeaveScriptException` is the platform's exception type for DataWeave.
 *
 * One documented behaviour of ConnectApi is modelled: in a test method without `@IsTest(SeeAllData=true)` its
 * methods fail with `System.UnsupportedOperationException` (Apex Developer Guide, Testing ConnectApi Code: "Most
 * Connect in Apex methods require access to real org data, and fail unless used in test methods marked
 * @IsTest(SeeAllData=true)"). The `setTest…` registration methods are not modelled.
 */
import type { Registry } from '../runtime/registry';
import { orgOf } from './sobjects';

const CONNECT_IN_TESTS =
  'ConnectApi methods are not supported in data siloed tests. Please use @IsTest(SeeAllData=true).';

export function registerUnsupported(r: Registry): void {
  r.unsupportedNamespace('DataWeave', 'DataWeave');
  r.unsupportedNamespace('DataWeaveScriptResource', 'DataWeave');
  r.unsupportedNamespace('ConnectApi', 'ConnectApi');
  r.exceptionType('System.DataWeaveScriptException');
  const loud = r.unsupportedCall;
  r.unsupportedCall = (feature, interp) => {
    const org = orgOf(interp);
    if (feature === 'ConnectApi' && org.inTest && org.hooks.seeAllData !== true) {
      return interp.throwFault('System.UnsupportedOperationException', CONNECT_IN_TESTS);
    }
    return loud(feature, interp);
  };
}
