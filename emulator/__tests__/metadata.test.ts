/**
 * The metadata loader on the real project (force-app), and on temp copies with a fault planted in one file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MetadataError, loadProject } from '../src/metadata/loader';
import type { ObjectModel, ProjectModel } from '../src/metadata/model';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = path.join(ROOT, 'force-app', 'main', 'default');
const STANDARD_OBJECTS = path.join(ROOT, 'emulator', 'standard-objects');

let project: ProjectModel;
beforeAll(() => {
  project = loadProject(ROOT);
});

const field = (objectName: string, fieldName: string) => {
  const object: ObjectModel | undefined = project.objects[objectName];
  expect(object).toBeDefined();
  const model = object.fields[fieldName.toLowerCase()];
  expect(model).toBeDefined();
  return model;
};

/** Text of one element of a metadata XML file (enough for the simple files compared here). */
const xmlText = (file: string, tag: string): string | undefined => {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(fs.readFileSync(file, 'utf8'));
  return match?.[1];
};

describe('project', () => {
  it('reads the namespace and the default package directory', () => {
    expect(project.root).toBe(ROOT);
    expect(project.namespace).toBe('');
  });
});

describe('standard objects', () => {
  it('loads every committed description', () => {
    const files = fs.readdirSync(STANDARD_OBJECTS).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(22);
    for (const file of files) {
      const name = file.replace(/\.json$/, '');
      const object = project.objects[name];
      expect(object.kind).toBe('standard');
      expect(object.source).toMatch(/developer\.salesforce\.com/);
      expect(object.keyPrefix).toMatch(/^[0-9A-Za-z]{3}$/);
      for (const [key, model] of Object.entries(object.fields)) expect(key).toBe(model.name.toLowerCase());
    }
  });

  it('describes Lead as the Object Reference does', () => {
    const email = field('Lead', 'Email');
    expect(email).toMatchObject({ type: 'EMAIL', length: 80, custom: false });
    expect(field('Lead', 'Company')).toMatchObject({ type: 'STRING', length: 255, required: true, nillable: false });
    expect(field('Lead', 'LastName')).toMatchObject({ length: 80, required: true });
    expect(field('Lead', 'Phone')).toMatchObject({ type: 'PHONE', length: 40 });
    const status = field('Lead', 'Status');
    expect(status).toMatchObject({ type: 'PICKLIST', required: false, nillable: false });
    expect(status.picklistValues.find((value) => value.defaultValue)?.value).toBe('Open - Not Contacted');
    expect(field('Lead', 'Description')).toMatchObject({ type: 'TEXTAREA', longText: true, filterable: false });
    for (const system of ['Id', 'CreatedDate', 'IsConverted', 'Name', 'SystemModstamp']) {
      expect(field('Lead', system)).toMatchObject({ createable: false, updateable: false });
    }
    expect(field('Lead', 'OwnerId')).toMatchObject({
      type: 'REFERENCE',
      referenceTo: ['Group', 'User'],
      relationshipName: 'Owner'
    });
    const required = Object.values(project.objects.Lead.fields)
      .filter((model) => model.required)
      .map((model) => model.name)
      .sort();
    expect(required).toEqual(['Company', 'LastName']);
  });

  it('describes User with its required fields and setup flag', () => {
    const user = project.objects.User;
    expect(user.setup).toBe(true);
    const required = Object.values(user.fields)
      .filter((model) => model.required)
      .map((model) => model.name)
      .sort();
    expect(required).toEqual(
      [
        'Alias',
        'Email',
        'EmailEncodingKey',
        'LanguageLocaleKey',
        'LastName',
        'LocaleSidKey',
        'ProfileId',
        'TimeZoneSidKey',
        'Username'
      ].sort()
    );
    expect(field('User', 'Alias').length).toBe(8);
    const timeZone = field('User', 'TimeZoneSidKey');
    expect(timeZone.type).toBe('PICKLIST');
    expect(timeZone.picklistValues.map((value) => value.value)).toContain('America/New_York');
    expect(field('User', 'EmailEncodingKey').picklistValues.map((value) => value.value)).toContain('UTF-8');
  });

  it('marks the mixed-DML setup objects', () => {
    const setup = Object.values(project.objects)
      .filter((object) => object.setup)
      .map((object) => object.name)
      .sort();
    expect(setup).toEqual(
      [
        'EntityDefinition',
        'FieldDefinition',
        'FieldPermissions',
        'Group',
        'GroupMember',
        'ObjectPermissions',
        'PermissionSet',
        'PermissionSetAssignment',
        'PermissionSetGroup',
        'PermissionSetGroupComponent',
        'PlatformCachePartition',
        'SetupEntityAccess',
        'User',
        'UserRole'
      ].sort()
    );
    expect(project.objects.Lead.setup).toBe(false);
  });

  it('gives the documented key prefixes', () => {
    const prefixes = Object.fromEntries(
      Object.values(project.objects).map((object) => [object.name, object.keyPrefix])
    );
    expect(prefixes).toMatchObject({
      Lead: '00Q',
      User: '005',
      Profile: '00e',
      Group: '00G',
      PermissionSet: '0PS',
      PermissionSetAssignment: '0Pa',
      Organization: '00D',
      AsyncApexJob: '707',
      CronTrigger: '08e',
      StaticResource: '081',
      ApexClass: '01p',
      Account: '001',
      Contact: '003',
      UserRole: '00E',
      RecordType: '012'
    });
  });
});

describe('package objects and fields', () => {
  it('merges package fields into Lead with their declared attributes', () => {
    const file = path.join(SOURCE, 'objects', 'Lead', 'fields', 'Aloware_Contact_ID__c.field-meta.xml');
    expect(field('Lead', 'Aloware_Contact_ID__c')).toMatchObject({
      name: 'Aloware_Contact_ID__c',
      label: xmlText(file, 'label'),
      type: 'STRING',
      length: Number(xmlText(file, 'length')),
      unique: xmlText(file, 'unique') === 'true',
      externalId: xmlText(file, 'externalId') === 'true',
      caseSensitive: xmlText(file, 'caseSensitive') === 'true',
      required: false,
      custom: true,
      createable: true,
      updateable: true
    });
    const leadFieldFiles = fs.readdirSync(path.join(SOURCE, 'objects', 'Lead', 'fields'));
    const custom = Object.values(project.objects.Lead.fields).filter((model) => model.custom);
    expect(custom).toHaveLength(leadFieldFiles.length);
  });

  it('maps every field file of every package object', () => {
    for (const objectName of fs.readdirSync(path.join(SOURCE, 'objects'))) {
      const fieldsDir = path.join(SOURCE, 'objects', objectName, 'fields');
      if (!fs.existsSync(fieldsDir)) continue;
      for (const file of fs.readdirSync(fieldsDir)) {
        // Activity fields live on Task (and Event): Activity is no object of its own.
        const model = field(objectName === 'Activity' ? 'Task' : objectName, file.replace('.field-meta.xml', ''));
        const type = xmlText(path.join(fieldsDir, file), 'type');
        const expected: Record<string, string> = {
          Checkbox: 'BOOLEAN',
          Number: 'DOUBLE',
          LongTextArea: 'TEXTAREA',
          Lookup: 'REFERENCE',
          Text: 'STRING',
          TextArea: 'TEXTAREA',
          Picklist: 'PICKLIST',
          Date: 'DATE',
          DateTime: 'DATETIME',
          Phone: 'PHONE',
          Url: 'URL'
        };
        expect({ file, type: model.type }).toEqual({ file, type: expected[type ?? ''] });
      }
    }
  });

  // Salesforce Help, "Activity Custom Fields": custom fields created on Activity are shared by Task and Event; the
  // Object Reference lists Task and Event as the objects (Activity is not queryable). Permission sets grant them as
  // Activity.<Field> (Metadata API, PermissionSet fieldPermissions).
  it('adds objects/Activity/fields to Task, never as an object of their own, and grants Activity FLS on Task', () => {
    expect(project.objects.Activity).toBeUndefined();
    expect(field('Task', 'Aloware_Communication_ID__c')).toMatchObject({
      type: 'STRING',
      length: 40,
      externalId: true,
      unique: true,
      custom: true
    });
    expect(field('Task', 'Subject')).toMatchObject({ type: 'COMBOBOX', length: 255, custom: false });
    expect(field('Task', 'TaskSubtype')).toMatchObject({ createable: true, updateable: false });
    expect(field('Task', 'CallType').picklistValues.map((v) => v.value)).toEqual(['Internal', 'Inbound', 'Outbound']);
    expect(field('Task', 'WhoId').referenceTo).toEqual(['Contact', 'Lead']);
    expect(field('Task', 'Status').picklistValues.find((v) => v.defaultValue)?.value).toBe('Not Started');
    const admin = project.permissionSets.Aloware_Admin;
    expect(admin.fields['Task.Aloware_Communication_ID__c']).toEqual({ readable: true, editable: true });
    expect(project.permissionSets.Aloware_User.fields['Task.Aloware_Line__c']).toEqual({
      readable: true,
      editable: false
    });
  });

  it('reads Number fields as DOUBLE with their precision and scale, and long text as long', () => {
    expect(field('Aloware_Settings__c', 'Max_Attempts__c')).toMatchObject({
      type: 'DOUBLE',
      precision: 2,
      scale: 0,
      defaultValue: '8',
      required: false
    });
    const longText = Object.values(project.objects.Aloware_Sync_Log__c.fields).find((model) => model.longText);
    expect(longText).toMatchObject({ type: 'TEXTAREA', filterable: false });
  });

  it('reads picklists, restrictedness and defaults', () => {
    const status = field('Aloware_Sync_Log__c', 'Status__c');
    expect(status.restrictedPicklist).toBe(true);
    expect(status.picklistValues[0]).toEqual({ value: 'Pending', label: 'Pending', active: true, defaultValue: true });
    expect(status.picklistValues.map((value) => value.value)).toContain('In Progress');
    const direction = field('Aloware_Field_Mapping__mdt', 'Direction__c');
    expect(direction.picklistValues[0]).toMatchObject({ value: 'Bidirectional', label: 'Aloware ↔ Salesforce' });
    // Required in metadata, but the default value fills it in on create.
    expect(direction).toMatchObject({ nillable: false, required: false });
  });

  it('reads lookups with their relationship', () => {
    expect(field('Aloware_Sync_Log__c', 'Lead__c')).toMatchObject({
      type: 'REFERENCE',
      referenceTo: ['Lead'],
      relationshipName: 'Lead__r',
      deleteConstraint: 'SetNull'
    });
  });

  it('adds the standard fields of a custom object, with an auto-number Name', () => {
    const log = project.objects.Aloware_Sync_Log__c;
    expect(log).toMatchObject({
      kind: 'custom-object',
      custom: true,
      label: 'Aloware Sync Log',
      labelPlural: 'Aloware Sync Logs'
    });
    expect(field('Aloware_Sync_Log__c', 'Name')).toMatchObject({
      type: 'STRING',
      autoNumber: true,
      calculated: true,
      createable: false,
      displayFormat: 'SL-{0000000}'
    });
    for (const name of [
      'Id',
      'OwnerId',
      'CreatedDate',
      'CreatedById',
      'LastModifiedDate',
      'LastModifiedById',
      'SystemModstamp',
      'IsDeleted'
    ]) {
      expect(log.fields[name.toLowerCase()]).toBeDefined();
    }
    expect(field('Aloware_Sync_Log__c', 'CreatedDate')).toMatchObject({
      createable: false,
      updateable: false,
      custom: false
    });
  });

  it('reads the hierarchy custom setting and its visibility', () => {
    const settings = project.objects.Aloware_Settings__c;
    expect(settings).toMatchObject({
      kind: 'custom-setting-hierarchy',
      visibility: 'Protected',
      labelPlural: 'Aloware Settings'
    });
    expect(field('Aloware_Settings__c', 'Name').length).toBe(38);
    expect(field('Aloware_Settings__c', 'SetupOwnerId')).toMatchObject({
      type: 'REFERENCE',
      referenceTo: ['Organization', 'Profile', 'User']
    });
    expect(settings.fields.ownerid).toBeUndefined();
  });

  it('adds the standard fields of a custom metadata type', () => {
    const mapping = project.objects.Aloware_Field_Mapping__mdt;
    expect(mapping).toMatchObject({ kind: 'custom-metadata', visibility: 'Public' });
    expect(field('Aloware_Field_Mapping__mdt', 'DeveloperName')).toMatchObject({ type: 'STRING', length: 40 });
    expect(field('Aloware_Field_Mapping__mdt', 'MasterLabel')).toMatchObject({ type: 'STRING', length: 40 });
    for (const name of ['Id', 'Label', 'QualifiedApiName', 'NamespacePrefix', 'Language']) {
      expect(mapping.fields[name.toLowerCase()]).toBeDefined();
    }
    expect(mapping.fields.ownerid).toBeUndefined();
  });

  it('generates stable key prefixes in alphabetical order', () => {
    expect(project.objects.Aloware_Outbox_Chunk__c.keyPrefix).toBe('a00');
    expect(project.objects.Aloware_Settings__c.keyPrefix).toBe('a01');
    expect(project.objects.Aloware_Sync_Log__c.keyPrefix).toBe('a02');
    expect(project.objects.Aloware_Field_Mapping__mdt.keyPrefix).toBe('m00');
    expect(loadProject(ROOT).objects.Aloware_Sync_Log__c.keyPrefix).toBe('a02');
  });
});

describe('custom metadata records', () => {
  it('loads one record per file, typed per xsi:type', () => {
    const files = fs.readdirSync(path.join(SOURCE, 'customMetadata')).filter((file) => file.endsWith('.md-meta.xml'));
    expect(project.customMetadata).toHaveLength(files.length);
    const email = project.customMetadata.find((record) => record.developerName === 'Lead_email');
    expect(email).toMatchObject({
      type: 'Aloware_Field_Mapping__mdt',
      label: 'Email',
      protected: false,
      values: { Active__c: true, Salesforce_Field__c: 'Email', Sort_Order__c: 20, Locked__c: true }
    });
    for (const record of project.customMetadata) {
      expect(typeof record.values.Active__c).toBe('boolean');
      expect(['number', 'object']).toContain(typeof record.values.Sort_Order__c);
    }
  });
});

describe('static resources, permission sets, Named Credentials, Apex', () => {
  it('reads AlowareMappingVectors with a JSON body', () => {
    const resource = project.staticResources.AlowareMappingVectors;
    expect(resource).toMatchObject({ contentType: 'application/json', cacheControl: 'Private' });
    expect(() => JSON.parse(resource.body.toString('utf8'))).not.toThrow();
  });

  it('reads the Aloware_Admin permission set', () => {
    const admin = project.permissionSets.Aloware_Admin;
    const file = path.join(SOURCE, 'permissionsets', 'Aloware_Admin.permissionset-meta.xml');
    const declared = (fs.readFileSync(file, 'utf8').match(/<fieldPermissions>/g) ?? []).length;
    const activity = (fs.readFileSync(file, 'utf8').match(/<field>Activity\./g) ?? []).length;
    // Each Activity.<Field> grant also applies to Task.<Field> and Event.<Field>.
    expect(Object.keys(admin.fields)).toHaveLength(declared + 2 * activity);
    expect(admin.fields['Aloware_Sync_Log__c.Event_Id__c']).toEqual({ readable: true, editable: false });
    expect(admin.objects.Lead).toMatchObject({ read: true, create: true, edit: true, delete: false });
    expect(admin.objects.Aloware_Sync_Log__c).toMatchObject({
      read: true,
      edit: true,
      viewAll: true,
      modifyAll: false
    });
    expect(admin.classes).toContain('AlowareSettingsController');
    expect(admin.tabs).toContain('Aloware_Setup');
    expect(admin.customMetadataTypes).toContain('Aloware_Field_Mapping__mdt');
    for (const fieldName of Object.keys(admin.fields)) {
      const [objectName, name] = fieldName.split('.');
      // Activity is no object, and Event has no description yet: their grants name fields that Task carries.
      if (objectName === 'Activity' || (objectName === 'Event' && !project.objects.Event)) continue;
      expect(project.objects[objectName].fields[name.toLowerCase()]).toBeDefined();
    }
    expect(Object.keys(project.permissionSets).sort()).toEqual([
      'Aloware_Admin',
      'Aloware_User',
      'Aloware_Webhook_Guest'
    ]);
  });

  it('reads the Aloware Named Credential endpoint', () => {
    expect(project.namedCredentials.Aloware).toMatchObject({ endpoint: 'https://app.aloware.com', label: 'Aloware' });
  });

  it('reads every class and trigger with its API version', () => {
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? walk(full) : /\.(cls|trigger)$/.test(entry.name) ? [full] : [];
      });
    const sources = [...walk(path.join(SOURCE, 'classes')), ...walk(path.join(SOURCE, 'triggers'))];
    expect(project.apex).toHaveLength(sources.length);
    expect(project.apex.filter((file) => file.kind === 'trigger').length).toBeGreaterThan(0);
    for (const file of project.apex) {
      expect(file.apiVersion).toMatch(/^\d+\.0$/);
      expect(file.source.length).toBeGreaterThan(0);
    }
    expect(project.apex.some((file) => file.path.includes('/classes/tests/'))).toBe(true);
  });
});

describe('planted faults', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'metadata-loader-'));
    fs.copyFileSync(path.join(ROOT, 'sfdx-project.json'), path.join(tmp, 'sfdx-project.json'));
    fs.cpSync(path.join(ROOT, 'force-app'), path.join(tmp, 'force-app'), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}lwc${path.sep}`) && !source.endsWith(`${path.sep}lwc`)
    });
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const load = () => loadProject(tmp, { standardObjectsDir: STANDARD_OBJECTS });
  const copyPath = (...parts: string[]) => path.join(tmp, 'force-app', 'main', 'default', ...parts);
  const expectError = (pattern: RegExp, file: string) => {
    let error: unknown;
    try {
      load();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MetadataError);
    expect((error as MetadataError).message).toMatch(pattern);
    expect((error as MetadataError).file).toContain(file);
  };

  it('the unmodified copy loads', () => {
    expect(Object.keys(load().objects)).toContain('Aloware_Sync_Log__c');
  });

  it('names a malformed field file, with line and column', () => {
    const file = copyPath('objects', 'Lead', 'fields', 'Aloware_Contact_ID__c.field-meta.xml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('</label>', '</labell>'));
    expectError(
      /objects\/Lead\/fields\/Aloware_Contact_ID__c\.field-meta\.xml:\d+:\d+: malformed XML/,
      'Aloware_Contact_ID__c'
    );
  });

  it('names a field with an unknown type', () => {
    const file = copyPath('objects', 'Aloware_Sync_Log__c', 'fields', 'Event_Id__c.field-meta.xml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/<type>\w+<\/type>/, '<type>Txet</type>'));
    expectError(/Event_Id__c\.field-meta\.xml: unsupported field type 'Txet'/, 'Event_Id__c.field-meta.xml');
  });

  it('names a Text field without a length', () => {
    const file = copyPath('objects', 'Lead', 'fields', 'Aloware_Contact_ID__c.field-meta.xml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/<length>\d+<\/length>/, ''));
    expectError(/needs a positive <length>/, 'Aloware_Contact_ID__c.field-meta.xml');
  });

  it('names a custom metadata record that sets an undeclared field', () => {
    const file = copyPath('customMetadata', 'Aloware_Field_Mapping.Lead_email.md-meta.xml');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('<field>Locked__c</field>', '<field>Lockd__c</field>')
    );
    expectError(/has no field Lockd__c/, 'Lead_email.md-meta.xml');
  });

  it('names a static resource without its content file', () => {
    fs.rmSync(copyPath('staticresources', 'AlowareMappingVectors.json'));
    expectError(/no content file/, 'AlowareMappingVectors.resource-meta.xml');
  });

  it('reads a newer Named Credential endpoint from namedCredentialParameters', () => {
    fs.writeFileSync(
      copyPath('namedCredentials', 'Aloware.namedCredential-meta.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>
<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
  <label>Aloware</label>
  <namedCredentialType>SecuredEndpoint</namedCredentialType>
  <namedCredentialParameters>
    <parameterName>Url</parameterName>
    <parameterType>Url</parameterType>
    <parameterValue>https://example.aloware.com</parameterValue>
  </namedCredentialParameters>
  <namedCredentialParameters>
    <externalCredential>Aloware_Auth</externalCredential>
    <parameterName>ExternalCredential</parameterName>
    <parameterType>Authentication</parameterType>
  </namedCredentialParameters>
</NamedCredential>
`
    );
    expect(load().namedCredentials.Aloware).toMatchObject({
      endpoint: 'https://example.aloware.com',
      namedCredentialType: 'SecuredEndpoint',
      externalCredential: 'Aloware_Auth'
    });
  });

  it('zips a folder static resource and keeps its files', () => {
    const dir = copyPath('staticresources', 'Bundle');
    fs.mkdirSync(path.join(dir, 'css'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<p>hi</p>');
    fs.writeFileSync(path.join(dir, 'css', 'site.css'), 'p{}');
    fs.writeFileSync(
      copyPath('staticresources', 'Bundle.resource-meta.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata"><cacheControl>Public</cacheControl><contentType>application/zip</contentType></StaticResource>\n'
    );
    const bundle = load().staticResources.Bundle;
    expect(Object.keys(bundle.files ?? {}).sort()).toEqual(['css/site.css', 'index.html']);
    expect(bundle.body.readUInt32LE(0)).toBe(0x04034b50);
    expect(bundle.body.includes(Buffer.from('<p>hi</p>'))).toBe(true);
  });

  it('reads a list custom setting, a formula field and a picklist without values as errors or models', () => {
    const dir = copyPath('objects', 'Extra_Setting__c');
    fs.mkdirSync(path.join(dir, 'fields'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'Extra_Setting__c.object-meta.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><customSettingsType>List</customSettingsType><label>Extra</label><visibility>Public</visibility></CustomObject>\n'
    );
    fs.writeFileSync(
      copyPath('objects', 'Lead', 'fields', 'Score_Label__c.field-meta.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Score_Label__c</fullName><label>Score</label><formula>IF(Aloware_DNC__c, "DNC", "OK")</formula><type>Text</type></CustomField>\n'
    );
    const loaded = load();
    expect(loaded.objects.Extra_Setting__c).toMatchObject({ kind: 'custom-setting-list', visibility: 'Public' });
    expect(loaded.objects.Extra_Setting__c.fields.name).toMatchObject({ length: 38, required: true });
    expect(loaded.objects.Extra_Setting__c.fields.setupownerid).toBeUndefined();
    // Sorted by name: Aloware_Outbox_Chunk__c, Aloware_Settings__c, Aloware_Sync_Log__c, Extra_Setting__c.
    expect(loaded.objects.Aloware_Settings__c.keyPrefix).toBe('a01');
    expect(loaded.objects.Extra_Setting__c.keyPrefix).toBe('a03');
    expect(loaded.objects.Lead.fields.score_label__c).toMatchObject({
      type: 'STRING',
      calculated: true,
      createable: false,
      updateable: false,
      formula: 'IF(Aloware_DNC__c, "DNC", "OK")'
    });
  });

  it('names a fields folder of a custom object that has no object file', () => {
    fs.rmSync(copyPath('objects', 'Aloware_Sync_Log__c', 'Aloware_Sync_Log__c.object-meta.xml'));
    expectError(/has fields but no Aloware_Sync_Log__c\.object-meta\.xml/, 'Aloware_Sync_Log__c');
  });

  it('names a class without its -meta.xml', () => {
    const classes = copyPath('classes');
    const first = fs
      .readdirSync(classes, { recursive: true, encoding: 'utf8' })
      .find((entry) => entry.endsWith('.cls')) as string;
    fs.rmSync(path.join(classes, `${first}-meta.xml`));
    expectError(/missing .*\.cls-meta\.xml/, path.basename(first));
  });
});
