/**
 * Sends generated Aloware webhook events to a URL (a Site endpoint of a scratch org, or the local preview).
 *
 *   npx tsx scripts/webhook/send.ts --kind inbound-sms --url https://<site>/services/apexrest/aloware/v1/webhooks \
 *     --secret <webhook secret> [--count 3] [--duplicate] [--time-zone America/New_York] [--print]
 *
 * Options: --kind (one of EVENT_KINDS or "all"), --url, --secret (Basic password) or --token (URL token),
 * --count (events per kind), --duplicate (send every event twice: the second must answer "duplicate"),
 * --contact-id, --phone, --time-zone, --print (print the envelopes, send nothing), --test-ping (send Aloware's
 * "Test & Validate" body `{"test_payload":true}` instead), --fan-out completed-call|failed-call|inbound-call|
 * missed-call|text (send every delivery Aloware makes for one communication, sharing its id, instead of --kind).
 * The secret is read from ALOWARE_WEBHOOK_SECRET when --secret is absent; it is never printed.
 */
import { EVENT_KINDS, EventKind, FanOut, TEST_PING, buildEvent, buildFanOut, postEvent } from './events';

const FAN_OUTS: readonly FanOut[] = ['completed-call', 'failed-call', 'inbound-call', 'missed-call', 'text'];

interface Arguments {
  kinds: EventKind[];
  url?: string;
  secret?: string;
  token?: string;
  count: number;
  duplicate: boolean;
  print: boolean;
  testPing: boolean;
  fanOut?: FanOut;
  contactId?: number;
  phone?: string;
  timeZone?: string;
}

export function parseArguments(argv: string[], env: Record<string, string | undefined> = {}): Arguments {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument: ${arg}`);
    const name = arg.slice(2);
    if (name === 'duplicate' || name === 'print' || name === 'test-ping') {
      flags.add(name);
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
      values.set(name, value);
      i++;
    }
  }
  const kind = values.get('kind') ?? 'all';
  const kinds = kind === 'all' ? EVENT_KINDS : [kind as EventKind];
  for (const k of kinds)
    if (!EVENT_KINDS.includes(k)) throw new Error(`Unknown --kind ${k}: use ${EVENT_KINDS.join(', ')} or all`);
  const count = Number(values.get('count') ?? '1');
  if (!Number.isInteger(count) || count < 1 || count > 500) throw new Error('--count must be 1..500');
  const parsed: Arguments = {
    kinds,
    url: values.get('url'),
    secret: values.get('secret') ?? env.ALOWARE_WEBHOOK_SECRET,
    token: values.get('token'),
    count,
    duplicate: flags.has('duplicate'),
    print: flags.has('print'),
    testPing: flags.has('test-ping'),
    fanOut: values.get('fan-out') as FanOut | undefined,
    contactId: values.has('contact-id') ? Number(values.get('contact-id')) : undefined,
    phone: values.get('phone'),
    timeZone: values.get('time-zone')
  };
  if (parsed.fanOut !== undefined && !FAN_OUTS.includes(parsed.fanOut))
    throw new Error(`Unknown --fan-out ${parsed.fanOut}: use ${FAN_OUTS.join(', ')}`);
  if (!parsed.print && !parsed.url) throw new Error('--url is required unless --print');
  if (!parsed.print && !parsed.secret && !parsed.token)
    throw new Error('--secret (or ALOWARE_WEBHOOK_SECRET) or --token is required');
  return parsed;
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2), process.env);
  const auth = { secret: args.secret, urlToken: args.token };
  if (args.testPing) {
    if (args.print) return console.log(JSON.stringify(TEST_PING));
    const result = await postEvent(
      args.url as string,
      { event: '', body: {} },
      { ...auth, rawBody: JSON.stringify(TEST_PING) }
    );
    return console.log(`test ping -> ${result.status} ${result.body}`);
  }
  if (args.fanOut) {
    for (const envelope of buildFanOut(args.fanOut, {
      contactId: args.contactId,
      phone: args.phone,
      timeZone: args.timeZone
    })) {
      if (args.print) console.log(JSON.stringify(envelope, null, 2));
      else console.log(`${envelope.event} -> ${(await postEvent(args.url as string, envelope, auth)).status}`);
    }
    return;
  }
  for (const kind of args.kinds) {
    for (let n = 0; n < args.count; n++) {
      const envelope = buildEvent(kind, { contactId: args.contactId, phone: args.phone, timeZone: args.timeZone });
      if (args.print) {
        console.log(JSON.stringify(envelope, null, 2));
        continue;
      }
      const sends = args.duplicate ? 2 : 1;
      for (let s = 0; s < sends; s++) {
        const result = await postEvent(args.url as string, envelope, { secret: args.secret, urlToken: args.token });
        console.log(`${envelope.event}${s > 0 ? ' (again)' : ''} -> ${result.status} ${result.body}`);
      }
    }
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
