/**
 * Records the platform creates or fills in itself when certain standard objects are inserted (Object Reference for
 * the Salesforce Platform). Called for each record a DML insert saves, after its Id and audit fields are set and
 * before the after-insert triggers see it; the records created here are put directly (no triggers, no validation).
 *
 * - ContentVersion (Object Reference, ContentVersion / ContentDocument / ContentDocumentLink): a version inserted
 *   without `ContentDocumentId` creates its ContentDocument (Title, owner, FileType and FileExtension from
 *   `PathOnClient`, `LatestPublishedVersionId` = the version) and becomes version 1 (`IsLatest`); the document is
 *   linked to its owner (ShareType `I`) and, when `FirstPublishLocationId` names a record, to that record (ShareType
 *   `V`); without one, `FirstPublishLocationId` is the owner. A version inserted with `ContentDocumentId` becomes the
 *   document's latest version (the previous one is no longer `IsLatest`). `ContentSize` is the byte length of
 *   `VersionData` and `Checksum` its MD5 (hex). FileType is taken from the extension as the platform names it (PNG,
 *   JPG, WORD_X, EXCEL_X, POWER_POINT_X, PDF, TEXT, CSV, M4A, MP3, MP4, ZIP…; an extension not listed: UNKNOWN; a
 *   version with `ContentUrl`: LINK).
 * - ContentDistribution: `ContentDocumentId` from its version; `DistributionPublicUrl` and `ContentDownloadUrl` are
 *   generated (their form is the org's; only their presence is modelled).
 * - EmailMessage (Object Reference, EmailMessage: ToIds, CcIds, BccIds): each Id of these JunctionIdList fields
 *   becomes an EmailMessageRelation (RelationType ToAddress / CcAddress / BccAddress).
 * - EmailMessageRelation: `RelationObjectType` is the object of `RelationId`, and `RelationAddress`, when not set,
 *   the related contact's, lead's or user's Email.
 *
 * Not modelled: deleting a ContentDocument with its versions and links, ContentDocumentLink's query restrictions.
 */
import { createHash } from 'node:crypto';
import { ApexBlob, ApexId, ApexList, SObjectValue } from '../runtime/values';
import { ORG_DOMAIN_URL } from '../stdlib/encoding';
import type { Org } from './org';
import { copyRecord } from './org';

const AUDIT = ['createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp'];

/** File extension (lower case) → ContentDocument / ContentVersion FileType. */
const FILE_TYPES: Record<string, string> = {
  png: 'PNG',
  jpg: 'JPG',
  jpeg: 'JPEG',
  gif: 'GIF',
  bmp: 'BMP',
  tif: 'TIFF',
  tiff: 'TIFF',
  svg: 'SVG',
  pdf: 'PDF',
  doc: 'WORD',
  docx: 'WORD_X',
  docm: 'WORD_M',
  xls: 'EXCEL',
  xlsx: 'EXCEL_X',
  xlsm: 'EXCEL_M',
  ppt: 'POWER_POINT',
  pptx: 'POWER_POINT_X',
  pptm: 'POWER_POINT_M',
  txt: 'TEXT',
  csv: 'CSV',
  rtf: 'RTF',
  htm: 'HTML',
  html: 'HTML',
  xml: 'XML',
  zip: 'ZIP',
  mp3: 'MP3',
  m4a: 'M4A',
  wav: 'WAV',
  mp4: 'MP4',
  mov: 'MOV',
  js: 'JAVASCRIPT',
  json: 'JSON'
};

function extensionOf(path: unknown): string | null {
  if (typeof path !== 'string') return null;
  const dot = path.lastIndexOf('.');
  return dot > 0 && dot < path.length - 1 ? path.substring(dot + 1) : null;
}

function set(org: Org, rec: SObjectValue, field: string, value: unknown): void {
  const name = org.fieldName(rec.object, field) ?? field;
  rec.values.set(name.toLowerCase(), value);
  rec.names.set(name.toLowerCase(), name);
}

/** A record put directly, with the saved record's audit fields and every checkbox false unless given. */
function create(org: Org, like: SObjectValue, object: string, values: Record<string, unknown>): SObjectValue {
  const rec = org.record(object, values);
  for (const k of AUDIT) {
    if (!rec.values.has(k) && like.values.has(k) && org.field(object, k)) set(org, rec, k, like.values.get(k));
  }
  for (const f of Object.values(org.object(object)?.fields ?? {})) {
    if (f.type === 'BOOLEAN' && !rec.values.has(f.name.toLowerCase())) set(org, rec, f.name, false);
  }
  return org.put(rec);
}

/** A stored record changed: a copy replaces it (stored records are shared with snapshots). */
function change(org: Org, object: string, id: string, values: Record<string, unknown>): void {
  const stored = org.table(object).get(id);
  if (!stored) return;
  const copy = copyRecord(stored);
  for (const [k, v] of Object.entries(values)) set(org, copy, k, v);
  org.table(object).set(id, copy);
}

function idOf(v: unknown): ApexId | null {
  return v instanceof ApexId ? v : null;
}

function contentVersionInserted(org: Org, rec: SObjectValue): void {
  const id = rec.values.get('id') as ApexId;
  const owner = idOf(rec.values.get('ownerid')) ?? org.user.id;
  const ext = extensionOf(rec.values.get('pathonclient'));
  const fileType =
    rec.values.get('contenturl') != null ? 'LINK' : ext ? (FILE_TYPES[ext.toLowerCase()] ?? 'UNKNOWN') : 'UNKNOWN';
  const data = rec.values.get('versiondata');
  if (data instanceof ApexBlob) {
    set(org, rec, 'ContentSize', data.bytes.length);
    set(org, rec, 'Checksum', createHash('md5').update(data.bytes).digest('hex'));
  }
  set(org, rec, 'FileType', fileType);
  set(org, rec, 'FileExtension', ext ? ext.toLowerCase() : null);
  set(org, rec, 'IsLatest', true);
  const existing = idOf(rec.values.get('contentdocumentid'));
  if (existing) {
    const versions = [...org.table('ContentVersion').values()].filter(
      (v) => idOf(v.values.get('contentdocumentid'))?.value === existing.value && v !== rec
    );
    for (const v of versions) {
      if (v.values.get('islatest') === true)
        change(org, 'ContentVersion', (v.values.get('id') as ApexId).value, { IsLatest: false });
    }
    set(org, rec, 'VersionNumber', String(versions.length + 1));
    change(org, 'ContentDocument', existing.value, {
      LatestPublishedVersionId: id,
      Title: rec.values.get('title') ?? null,
      FileType: fileType,
      FileExtension: ext ? ext.toLowerCase() : null,
      ContentSize: rec.values.get('contentsize') ?? null
    });
    return;
  }
  set(org, rec, 'VersionNumber', '1');
  const doc = create(org, rec, 'ContentDocument', {
    Title: rec.values.get('title') ?? null,
    OwnerId: owner,
    LatestPublishedVersionId: id,
    FileType: fileType,
    FileExtension: ext ? ext.toLowerCase() : null,
    ContentSize: rec.values.get('contentsize') ?? null,
    PublishStatus: 'R'
  });
  const docId = doc.values.get('id') as ApexId;
  set(org, rec, 'ContentDocumentId', docId);
  const first = idOf(rec.values.get('firstpublishlocationid'));
  if (!first) set(org, rec, 'FirstPublishLocationId', owner);
  create(org, rec, 'ContentDocumentLink', {
    ContentDocumentId: docId,
    LinkedEntityId: owner,
    ShareType: 'I',
    Visibility: 'AllUsers'
  });
  if (first && first.value !== owner.value) {
    create(org, rec, 'ContentDocumentLink', {
      ContentDocumentId: docId,
      LinkedEntityId: first,
      ShareType: 'V',
      Visibility: 'AllUsers'
    });
  }
}

function contentDistributionInserted(org: Org, rec: SObjectValue): void {
  const versionId = idOf(rec.values.get('contentversionid'));
  const version = versionId ? org.table('ContentVersion').get(versionId.value) : undefined;
  const docId = idOf(version?.values.get('contentdocumentid'));
  if (docId) set(org, rec, 'ContentDocumentId', docId);
  const id = (rec.values.get('id') as ApexId).value;
  const token = createHash('sha1').update(id).digest('hex').substring(0, 16);
  set(org, rec, 'DistributionPublicUrl', `${ORG_DOMAIN_URL}/sfc/p/${token}`);
  if (versionId) {
    set(
      org,
      rec,
      'ContentDownloadUrl',
      `${ORG_DOMAIN_URL}/sfc/dist/version/download/?oid=${orgIdOf(org)}&ids=${versionId.value}&d=${token}`
    );
  }
}

function orgIdOf(org: Org): string {
  const row = [...org.table('Organization').values()][0];
  return idOf(row?.values.get('id'))?.value ?? '';
}

function emailMessageInserted(org: Org, rec: SObjectValue): void {
  const fields: [string, string][] = [
    ['toids', 'ToAddress'],
    ['ccids', 'CcAddress'],
    ['bccids', 'BccAddress']
  ];
  for (const [field, type] of fields) {
    const list = rec.values.get(field);
    if (!(list instanceof ApexList)) continue;
    for (const item of list.items) {
      if (item == null) continue;
      const text = String(item);
      const relationId =
        item instanceof ApexId ? item : new ApexId(text.length === 15 ? text + ApexId.checksum(text) : text);
      const relation = create(org, rec, 'EmailMessageRelation', {
        EmailMessageId: rec.values.get('id'),
        RelationId: relationId,
        RelationType: type
      });
      emailMessageRelationInserted(org, relation);
    }
  }
}

function emailMessageRelationInserted(org: Org, rec: SObjectValue): void {
  const relationId = idOf(rec.values.get('relationid'));
  if (!relationId) return;
  const model = org.objectByPrefix(relationId.value.substring(0, 3));
  if (!model) return;
  set(org, rec, 'RelationObjectType', model.name);
  if (rec.values.get('relationaddress') == null) {
    const related = org.table(model.name).get(relationId.value);
    const email = related?.values.get('email');
    if (typeof email === 'string') set(org, rec, 'RelationAddress', email);
  }
}

/** The platform's own records for a record DML has just inserted (see the module comment). */
export function deriveInsertedRecords(org: Org, rec: SObjectValue): void {
  switch (rec.object.toLowerCase()) {
    case 'contentversion':
      return contentVersionInserted(org, rec);
    case 'contentdistribution':
      return contentDistributionInserted(org, rec);
    case 'emailmessage':
      return emailMessageInserted(org, rec);
    case 'emailmessagerelation':
      return emailMessageRelationInserted(org, rec);
  }
}
