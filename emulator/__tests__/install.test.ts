/**
 * Install and uninstall scripts as tests run them (Apex Reference Guide: Test Class, testInstall and testUninstall;
 * InstallHandler, InstallContext, UninstallHandler, UninstallContext and Version).
 */
import { join } from 'node:path';
import { Emulator } from '../src/emulator';
import type { SnippetResult } from '../src/emulator';
import { loadProject } from '../src/metadata/loader';

let emulator: Emulator;

beforeAll(() => {
  emulator = new Emulator(loadProject(join(__dirname, '..', '..')));
});

const ok = (r: SnippetResult): unknown => {
  if (r.exception) throw new Error(`${r.exception.type}: ${r.exception.message}\n${r.exception.stack}`);
  return r.value;
};

const HANDLER = `public class InstallProbe implements InstallHandler {
  public static String seen;
  public void onInstall(InstallContext ctx) {
    seen = ctx.isUpgrade() + '|' + ctx.isPush() + '|' + (ctx.previousVersion() == null ? 'null' : ctx.previousVersion().major() + '.' + ctx.previousVersion().minor())
      + '|' + (ctx.organizationId() == UserInfo.getOrganizationId()) + '|' + (ctx.installerId() == UserInfo.getUserId());
  }
}`;

const UNINSTALL = `public class UninstallProbe implements UninstallHandler {
  public static String seen;
  public void onUninstall(UninstallContext ctx) {
    seen = (ctx.organizationId() == UserInfo.getOrganizationId()) + '|' + (ctx.uninstallerId() == UserInfo.getUserId());
  }
}`;

describe('Test.testInstall / Test.testUninstall', () => {
  it('calls onInstall with a new-install context when the version is null', () => {
    const r = emulator.runSnippet('Test.testInstall(new InstallProbe(), null);\nreturn InstallProbe.seen;', [HANDLER]);
    expect(ok(r)).toBe('false|false|null|true|true');
  });

  it('calls onInstall with an upgrade context carrying the previous version', () => {
    const r = emulator.runSnippet(
      'Test.testInstall(new InstallProbe(), new Version(1, 2), true);\nreturn InstallProbe.seen;',
      [HANDLER]
    );
    expect(ok(r)).toBe('true|true|1.2|true|true');
  });

  it('calls onUninstall with the organization and the uninstalling user', () => {
    const r = emulator.runSnippet('Test.testUninstall(new UninstallProbe());\nreturn UninstallProbe.seen;', [
      UNINSTALL
    ]);
    expect(ok(r)).toBe('true|true');
  });

  it('compares versions by major, minor and patch', () => {
    const r = emulator.runSnippet(
      "return new Version(1, 2).compareTo(new Version(1, 10)) + '|' + new Version(2, 0, 1).compareTo(new Version(2, 0)) + '|' + new Version(3, 4).patch();"
    );
    expect(ok(r)).toBe('-1|1|null');
  });
});
