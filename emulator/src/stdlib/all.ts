/**
 * Registers every standard-library module beyond System and the collections.
 */
import type { Registry } from '../runtime/registry';
import { registerAsync } from './async';
import { registerCallouts } from './callouts';
import { registerDatabase } from './database';
import { registerDates } from './dates';
import { registerEncoding } from './encoding';
import { registerEventBus } from './eventBus';
import { registerInboundEmail } from './inboundEmail';
import { registerInstall } from './install';
import { registerJson } from './json';
import { registerLeadConvert } from './leadConvert';
import { registerLogging } from './logging';
import { registerMetadataApi } from './metadataApi';
import { registerNumbers } from './numbers';
import { registerPlatform } from './platform';
import { registerPlatformCache } from './platformCache';
import { registerQuiddity } from './quiddity';
import { registerRegex } from './regex';
import { registerRest } from './rest';
import { registerSchema } from './schema';
import { registerSecurity } from './security';
import { registerSosl } from './sosl';
import { registerSobjects } from './sobjects';
import { registerStrings } from './strings';
import { registerStubs } from './stubs';
import { registerUnsupported } from './unsupported';

export function registerAll(r: Registry): void {
  registerStrings(r);
  registerRegex(r);
  registerEncoding(r);
  registerNumbers(r);
  registerDates(r);
  registerJson(r);
  registerDatabase(r);
  registerLeadConvert(r);
  registerSchema(r);
  registerSobjects(r);
  registerPlatform(r);
  registerAsync(r);
  registerInstall(r);
  registerCallouts(r);
  registerRest(r);
  registerMetadataApi(r);
  registerEventBus(r);
  registerLogging(r);
  registerQuiddity(r);
  registerPlatformCache(r);
  registerStubs(r);
  registerUnsupported(r);
  registerSecurity(r);
  registerSosl(r);
  registerInboundEmail(r);
}
