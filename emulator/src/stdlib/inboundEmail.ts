/**
 * Inbound email services' Apex types (Apex Reference Guide, Messaging Namespace: InboundEmail Class,
 * InboundEmail.BinaryAttachment Class, InboundEmail.TextAttachment Class, InboundEmail.Header Class,
 * InboundEnvelope Class, InboundEmailResult Class, InboundEmailHandler Interface).
 *
 * They are plain value holders: each has a no-argument constructor and public `{get; set;}` properties, all null
 * until set (a test builds an email and an envelope and calls the handler's `handleInboundEmail` itself). Reading a
 * property the type does not document fails like any unknown variable (the platform refuses it at compile time;
 * writing one is not checked here). The email service that would call a handler for a received message is not
 * modelled (there is no mail here).
 */
import type { Registry } from '../runtime/registry';
import { NativeObject } from '../runtime/values';

/** Each type with its documented properties (lower case keys: Apex names are case-insensitive). */
const TYPES: Record<string, string[]> = {
  'Messaging.InboundEmail': [
    'authenticationResults',
    'binaryAttachments',
    'ccAddresses',
    'fromAddress',
    'fromName',
    'headers',
    'htmlBody',
    'htmlBodyIsTruncated',
    'inReplyTo',
    'messageId',
    'plainTextBody',
    'plainTextBodyIsTruncated',
    'references',
    'replyTo',
    'subject',
    'textAttachments',
    'toAddresses'
  ],
  'Messaging.InboundEmail.BinaryAttachment': ['body', 'fileName', 'headers', 'mimeTypeSubType'],
  'Messaging.InboundEmail.TextAttachment': [
    'body',
    'bodyIsTruncated',
    'charset',
    'fileName',
    'headers',
    'mimeTypeSubType'
  ],
  'Messaging.InboundEmail.Header': ['name', 'value'],
  'Messaging.InboundEmail.AuthenticationResult': ['properties', 'type', 'value'],
  'Messaging.InboundEnvelope': ['fromAddress', 'toAddress'],
  'Messaging.InboundEmailResult': ['message', 'success']
};

export function registerInboundEmail(r: Registry): void {
  r.type('Messaging.InboundEmailHandler', { isInterface: true });
  for (const [name, props] of Object.entries(TYPES)) {
    r.type(name);
    const keys = props.map((p) => p.toLowerCase());
    r.ctor(name, () => new NativeObject(name, Object.fromEntries(keys.map((k) => [k, null]))));
  }
}
