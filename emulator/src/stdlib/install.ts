/**
 * Package install and uninstall scripts as tests see them: the `InstallHandler` / `UninstallHandler` interfaces, their
 * `InstallContext` / `UninstallContext`, `System.Version`, and `Test.testInstall` / `Test.testUninstall`, which call
 * `onInstall(InstallContext)` / `onUninstall(UninstallContext)` of the given implementation in the running
 * transaction.
 *
 * Sources (Apex Reference Guide / Apex Developer Guide): InstallHandler Interface ("onInstall(context)"),
 * InstallContext Interface (organizationId, installerId, isUpgrade, isPush, previousVersion), UninstallHandler
 * Interface, UninstallContext Interface (organizationId, uninstallerId), Test Class ("testInstall(installImplementation,
 * version, isPush)": "Tests the implementation of the InstallHandler interface, which is used for specifying a
 * post install script in packages. Tests run as the test initiator in the development environment."; "testUninstall
 * (uninstallImplementation)"), Version Class (Version(major, minor), Version(major, minor, patch), major(), minor(),
 * patch(), compareTo(version)), Running Apex on Package Install/Upgrade ("previousVersion ... null if this is a new
 * install"; isUpgrade is true when a previous version was installed).
 */
import type { Interpreter } from '../runtime/interpreter';
import { fault } from '../runtime/ops';
import type { Registry } from '../runtime/registry';
import { ApexObject, NativeObject } from '../runtime/values';
import { orgOf } from './sobjects';

const data = (self: unknown): Record<string, unknown> => (self as NativeObject).data;

function organizationId(interp: Interpreter): unknown {
  const org = [...orgOf(interp).table('Organization').values()][0];
  return org ? org.values.get('id') : null;
}

function handler(interp: Interpreter, impl: unknown, iface: string): ApexObject {
  if (impl === null || impl === undefined) throw fault('System.NullPointerException', 'Argument cannot be null.');
  if (!(impl instanceof ApexObject) || !interp.implementsNative(impl.cls, iface)) {
    throw fault('System.TypeException', `Class ${interp.runtimeTypeName(impl)} must implement ${iface}`);
  }
  return impl;
}

const versionPart = (self: unknown, part: 'major' | 'minor' | 'patch'): unknown => data(self)[part] ?? null;

export function registerInstall(r: Registry): void {
  r.type('System.InstallHandler', { isInterface: true });
  r.type('System.UninstallHandler', { isInterface: true });
  r.type('System.InstallContext');
  r.type('System.UninstallContext');
  r.type('System.Version');

  r.ctor('System.Version', (_c, [major, minor, patch]) => {
    if (major === null || major === undefined || minor === null || minor === undefined)
      throw fault('System.NullPointerException', 'Argument cannot be null.');
    return new NativeObject('System.Version', { major, minor, patch: patch ?? null });
  });
  r.method('System.Version', 'major', ({ self }) => versionPart(self, 'major'));
  r.method('System.Version', 'minor', ({ self }) => versionPart(self, 'minor'));
  r.method('System.Version', 'patch', ({ self }) => versionPart(self, 'patch'));
  r.method('System.Version', 'compareTo', ({ self }, [other]) => {
    if (!(other instanceof NativeObject)) throw fault('System.NullPointerException', 'Argument cannot be null.');
    for (const part of ['major', 'minor', 'patch'] as const) {
      const a = Number(data(self)[part] ?? 0);
      const b = Number(data(other)[part] ?? 0);
      if (a !== b) return a < b ? -1 : 1;
    }
    return 0;
  });

  r.method('System.InstallContext', 'organizationId', ({ self }) => data(self).organizationId);
  r.method('System.InstallContext', 'installerId', ({ self }) => data(self).userId);
  r.method('System.InstallContext', 'isUpgrade', ({ self }) => data(self).previousVersion !== null);
  r.method('System.InstallContext', 'isPush', ({ self }) => data(self).isPush === true);
  r.method('System.InstallContext', 'previousVersion', ({ self }) => data(self).previousVersion);
  r.method('System.UninstallContext', 'organizationId', ({ self }) => data(self).organizationId);
  r.method('System.UninstallContext', 'uninstallerId', ({ self }) => data(self).userId);

  r.static('Test', 'testInstall', ({ interp }, [impl, version, isPush]) => {
    const target = handler(interp, impl, 'System.InstallHandler');
    const context = new NativeObject('System.InstallContext', {
      organizationId: organizationId(interp),
      userId: orgOf(interp).user.id,
      previousVersion: version ?? null,
      isPush: isPush === true
    });
    interp.callMethod(target, 'onInstall', [context]);
    return null;
  });
  r.static('Test', 'testUninstall', ({ interp }, [impl]) => {
    const target = handler(interp, impl, 'System.UninstallHandler');
    const context = new NativeObject('System.UninstallContext', {
      organizationId: organizationId(interp),
      userId: orgOf(interp).user.id
    });
    interp.callMethod(target, 'onUninstall', [context]);
    return null;
  });
}
