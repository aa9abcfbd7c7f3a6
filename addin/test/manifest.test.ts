// What the documentation requires of manifest.xml, checked offline (the only validator,
// office-addin-manifest validate, posts the file to a Microsoft service). Element order comes from the
// XSD sequences (develop/manifest-element-ordering) and the reference pages of each element; lengths
// from the XSD simple types (ShortString 125, LongString 250, URL 2048) and the resid rule (≤ 32).
import { describe, expect, test } from 'vitest';
import manifestSource from '../../manifest.xml?raw';
import { renderIcons } from '../build/icons.mjs';
import { DEV_ORIGIN, manifestFor, normalizeBaseUrl } from '../build/manifest.mjs';
import { unifiedManifest } from '../build/unified-manifest.mjs';
import unifiedSource from '../../manifest.json?raw';
import { localName, parseXml, walk, type XmlElement } from './xml';

/** Pinned: Outlook keys installs, settings and admin deployments on this GUID. Never change it. */
const ADDIN_ID = 'b09d5b69-339e-41e9-a7ef-92f4cc24ec60';

interface Rule {
  order: string[];
  required: string[];
}

// Keyed by local name, or "Name[xsi:type]" where the type changes the content model.
const RULES: Record<string, Rule> = {
  OfficeApp: {
    order: [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'FormSettings',
      'Permissions',
      'Rule',
      'DisableEntityHighlighting',
      'VersionOverrides',
    ],
    // MailApp: Requirements, FormSettings, Permissions and Rule are mandatory; icons and SupportUrl are
    // required for a listed add-in and we always ship them.
    required: [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'Hosts',
      'Requirements',
      'FormSettings',
      'Permissions',
      'Rule',
    ],
  },
  'VersionOverrides[VersionOverridesV1_0]': {
    order: ['Description', 'Requirements', 'Hosts', 'Resources', 'VersionOverrides'],
    required: [],
  },
  'VersionOverrides[VersionOverridesV1_1]': {
    order: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'ExtendedPermissions'],
    required: ['Hosts', 'Resources'],
  },
  'Host[MailHost]': {
    order: ['Runtimes', 'DesktopFormFactor', 'MobileFormFactor'],
    required: ['DesktopFormFactor'],
  },
  Runtimes: { order: ['Runtime'], required: ['Runtime'] },
  Runtime: { order: ['Override'], required: [] },
  DesktopFormFactor: {
    order: ['SupportsSharedFolders', 'FunctionFile', 'ExtensionPoint'],
    required: ['ExtensionPoint'],
  },
  'ExtensionPoint[MessageReadCommandSurface]': { order: ['OfficeTab', 'CustomTab'], required: [] },
  'ExtensionPoint[ReportPhishingCommandSurface]': {
    order: ['ReportPhishingCustomization'],
    required: ['ReportPhishingCustomization'],
  },
  OfficeTab: { order: ['Group'], required: ['Group'] },
  Group: { order: ['Label', 'Control'], required: ['Label', 'Control'] },
  'Control[Button]': {
    order: ['Label', 'Supertip', 'Icon', 'Action'],
    required: ['Label', 'Supertip', 'Icon', 'Action'],
  },
  Supertip: { order: ['Title', 'Description'], required: ['Title', 'Description'] },
  Icon: { order: ['Image'], required: ['Image'] },
  'Action[ShowTaskpane]': { order: ['SourceLocation', 'SupportsPinning'], required: ['SourceLocation'] },
  'Action[ExecuteFunction]': { order: ['FunctionName'], required: ['FunctionName'] },
  ReportPhishingCustomization: {
    order: ['Control', 'PreProcessingDialog', 'SourceLocation'],
    required: ['Control', 'PreProcessingDialog', 'SourceLocation'],
  },
  // [MS-OWEMXML] CT_PreProcessingDialog lists NeverShowAgainOption right after Description.
  PreProcessingDialog: {
    order: ['Title', 'Description', 'NeverShowAgainOption', 'ReportingOptions', 'FreeTextLabel', 'MoreInfo'],
    required: ['Title', 'Description'],
  },
  MoreInfo: { order: ['MoreInfoText', 'MoreInfoUrl'], required: ['MoreInfoText', 'MoreInfoUrl'] },
  Resources: { order: ['Images', 'Urls', 'ShortStrings', 'LongStrings'], required: [] },
  FormSettings: { order: ['Form'], required: ['Form'] },
  'Form[ItemRead]': {
    order: ['DesktopSettings', 'TabletSettings', 'PhoneSettings'],
    required: ['DesktopSettings'],
  },
  DesktopSettings: {
    order: ['SourceLocation', 'RequestedHeight'],
    required: ['SourceLocation', 'RequestedHeight'],
  },
  Requirements: { order: ['Sets'], required: ['Sets'] },
  Sets: { order: ['Set'], required: ['Set'] },
  DisplayName: { order: ['Override'], required: [] },
  Description: { order: ['Override'], required: [] },
};

const ruleKey = (element: XmlElement) => {
  const type = element.attributes['xsi:type'];
  const typed = type ? `${localName(element)}[${type}]` : undefined;
  return typed && RULES[typed] ? typed : localName(element);
};

function checkOrder(root: XmlElement): string[] {
  const problems: string[] = [];
  for (const { element, path } of walk(root)) {
    const key = ruleKey(element);
    // Supertip/Description and friends are plain resource references: only the OfficeApp-level
    // Description carries Override children.
    if ((key === 'Description' || key === 'Title') && path.length > 1) {
      continue;
    }
    const rule = RULES[key];
    if (!rule) {
      continue;
    }
    const names = element.children.map(localName);
    let last = -1;
    for (const name of names) {
      const index = rule.order.indexOf(name);
      if (index < 0) {
        problems.push(`line ${element.line}: <${name}> is not a child of <${key}>`);
      } else if (index < last) {
        problems.push(`line ${element.line}: <${name}> comes after <${rule.order[last]}> in <${key}>`);
      } else {
        last = index;
      }
    }
    for (const name of rule.required) {
      if (!names.includes(name)) {
        problems.push(`line ${element.line}: <${key}> lacks <${name}>`);
      }
    }
  }
  return problems;
}

function resources(root: XmlElement) {
  const byKind = new Map<string, Map<string, XmlElement>>();
  for (const { element, path } of walk(root)) {
    const parent = path.at(-1);
    if (
      parent &&
      ['Images', 'Urls', 'ShortStrings', 'LongStrings'].includes(localName(parent)) &&
      path.at(-2) &&
      localName(path.at(-2)!) === 'Resources'
    ) {
      const kind = localName(parent);
      const table = byKind.get(kind) ?? new Map<string, XmlElement>();
      const id = element.attributes['id'] ?? '';
      if (table.has(id)) {
        throw new Error(`duplicate resource id ${id}`);
      }
      table.set(id, element);
      byKind.set(kind, table);
    }
  }
  return byKind;
}

/** Which resource table a resid must point into, by the referencing element. */
function expectedKind(element: XmlElement, parent: XmlElement | undefined): string {
  const name = localName(element);
  if (name === 'Image') {
    return 'Images';
  }
  if (['SourceLocation', 'FunctionFile', 'Runtime', 'Override', 'MoreInfoUrl'].includes(name)) {
    return 'Urls';
  }
  if (name === 'Description' && parent && ['Supertip', 'PreProcessingDialog'].includes(localName(parent))) {
    return 'LongStrings';
  }
  return 'ShortStrings';
}

function checkManifest(xml: string): string[] {
  const root = parseXml(xml);
  const problems = checkOrder(root);
  const tables = resources(root);
  const used = new Set<string>();
  for (const { element, path } of walk(root)) {
    const resid = element.attributes['resid'];
    if (resid !== undefined) {
      const kind = expectedKind(element, path.at(-1));
      used.add(`${kind}:${resid}`);
      if (resid.length > 32) {
        problems.push(`resid ${resid} is longer than 32 characters`);
      }
      if (!tables.get(kind)?.has(resid)) {
        problems.push(
          `line ${element.line}: resid "${resid}" on <${localName(element)}> is not in bt:${kind}`,
        );
      }
    }
  }
  for (const [kind, table] of tables) {
    for (const id of table.keys()) {
      if (!used.has(`${kind}:${id}`)) {
        problems.push(`bt:${kind} "${id}" is never used`);
      }
    }
  }
  const limits: Record<string, number> = { ShortStrings: 125, LongStrings: 250, Urls: 2048, Images: 2048 };
  for (const [kind, table] of tables) {
    for (const [id, element] of table) {
      const values = [
        element.attributes['DefaultValue'] ?? '',
        ...element.children.map(c => c.attributes['Value'] ?? ''),
      ];
      for (const value of values) {
        if (value.length === 0 || value.length > limits[kind]!) {
          problems.push(`bt:${kind} "${id}" has a value of ${value.length} characters (1–${limits[kind]})`);
        }
      }
      if (
        (kind === 'ShortStrings' || kind === 'LongStrings') &&
        !element.children.some(c => c.attributes['Locale'] === 'de-DE')
      ) {
        problems.push(`bt:${kind} "${id}" has no German (de-DE) override`);
      }
    }
  }
  for (const { element } of walk(root)) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (
        /^[a-z][a-z0-9+.-]*:\/\//i.test(value) &&
        !name.startsWith('xmlns') &&
        name !== 'xsi:type' &&
        !value.startsWith('https://')
      ) {
        problems.push(`line ${element.line}: ${name}="${value}" is not HTTPS`);
      }
    }
    if (/^\s*[a-z]+:\/\//i.test(element.text) && !element.text.trim().startsWith('https://')) {
      problems.push(`line ${element.line}: <${element.name}> text is not an HTTPS URL`);
    }
  }
  return problems;
}

const root = parseXml(manifestSource);
const child = (element: XmlElement, name: string) => element.children.find(c => localName(c) === name);

describe('manifest.xml', () => {
  test('is well-formed and meets every structural rule (order, required children, resids, lengths, HTTPS, German)', () => {
    expect(checkManifest(manifestSource)).toEqual([]);
  });

  test('keeps its stable add-in id', () => {
    expect(child(root, 'Id')?.text.trim()).toBe(ADDIN_ID);
  });

  test('is a MailApp for read mode, ReadItem permission, Mailbox 1.1 at the base', () => {
    expect(root.attributes['xsi:type']).toBe('MailApp');
    expect(child(root, 'Permissions')?.text).toBe('ReadItem');
    const set = [...walk(child(root, 'Requirements')!)].find(
      ({ element }) => localName(element) === 'Set',
    )?.element;
    expect(set?.attributes).toMatchObject({ Name: 'Mailbox', MinVersion: '1.1' });
  });

  test('nests VersionOverrides 1.1 as the last child of 1.0', () => {
    const outer = child(root, 'VersionOverrides')!;
    expect(outer.attributes['xsi:type']).toBe('VersionOverridesV1_0');
    expect(outer.children.at(-1)?.attributes['xsi:type']).toBe('VersionOverridesV1_1');
    expect(outer.children.at(-1)?.attributes['xmlns']).toBe(
      'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
    );
  });

  test('has a pinnable task pane button and the spam-reporting surface wired to onSpamReport', () => {
    const all = [...walk(root)].map(({ element }) => element);
    const pinning = all.find(e => localName(e) === 'SupportsPinning');
    expect(pinning?.text).toBe('true');
    const report = all.find(e => e.attributes['xsi:type'] === 'ReportPhishingCommandSurface');
    const functionName = [...walk(report!)].find(
      ({ element }) => localName(element) === 'FunctionName',
    )?.element;
    expect(functionName?.text).toBe('onSpamReport');
    const dialog = [...walk(report!)].find(
      ({ element }) => localName(element) === 'PreProcessingDialog',
    )!.element;
    // "Don't show again" appears only when the dialog has no reporting options and no text box.
    expect(child(dialog, 'NeverShowAgainOption')?.text).toBe('true');
    expect(child(dialog, 'ReportingOptions')).toBeUndefined();
    expect(child(dialog, 'FreeTextLabel')).toBeUndefined();
  });

  test('the spam-reporting surface, the function file and the runtime name the same HTML page', () => {
    // manifest/reportphishingcustomization: "The resid value of the <SourceLocation> element must match
    // the resid value of the <Runtime> element that represents the browser runtime."
    const all = [...walk(root)];
    const runtime = all.find(({ element }) => localName(element) === 'Runtime')!.element;
    const customization = all.find(
      ({ element }) => localName(element) === 'ReportPhishingCustomization',
    )!.element;
    const functionFile = all.find(({ element }) => localName(element) === 'FunctionFile')!.element;
    expect(child(customization, 'SourceLocation')?.attributes['resid']).toBe(runtime.attributes['resid']);
    expect(functionFile.attributes['resid']).toBe(runtime.attributes['resid']);
    expect(child(runtime, 'Override')?.attributes['type']).toBe('javascript');
  });

  test('gives every button icon the three required sizes 16, 32 and 80', () => {
    const icons = [...walk(root)]
      .filter(({ element }) => localName(element) === 'Icon')
      .map(({ element }) => element);
    expect(icons.length).toBe(2);
    for (const icon of icons) {
      expect(icon.children.map(c => c.attributes['size'])).toEqual(['16', '32', '80']);
    }
  });

  test('names only icons the build renders, at the sizes their names promise', () => {
    const rendered = renderIcons();
    const named = [...manifestSource.matchAll(/assets\/(icon-\d+\.png)/g)].map(m => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) {
      const png = rendered.get(name);
      expect(png, name).toBeDefined();
      const size = Number(/icon-(\d+)/.exec(name)![1]);
      // IHDR width and height, big-endian at offsets 16 and 20 (PNG spec §11.2.2).
      const view = new DataView(png!.buffer, png!.byteOffset, png!.byteLength);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([size, size]);
    }
  });

  test('uses the development origin for every URL', () => {
    const urls = [...manifestSource.matchAll(/https:\/\/[^"<\s]+/g)]
      .map(m => m[0])
      .filter(u => !u.startsWith('http://schemas'));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
    }
  });
});

describe('--base-url', () => {
  test.each(['https://addins.example.org', 'https://example.org/bsg/', 'https://example.org:8443/a/b'])(
    'rewrites every URL for %s',
    base => {
      const normalized = normalizeBaseUrl(base);
      const xml = manifestFor(manifestSource, normalized);
      expect(checkManifest(xml)).toEqual([]);
      expect(xml).not.toContain(DEV_ORIGIN);
      expect(xml).toContain(`${normalized}/taskpane.html`);
      expect(xml).toContain(`${normalized}/assets/icon-80.png`);
      expect(parseXml(xml).children.find(c => localName(c) === 'Id')?.text).toBe(ADDIN_ID);
    },
  );

  test.each([
    'http://example.org',
    'ftp://example.org',
    'example.org',
    'https://example.org/?x=1',
    'https://user:pw@example.org',
  ])('refuses %s', base => {
    expect(() => normalizeBaseUrl(base)).toThrow(TypeError);
  });
});

describe('the checker itself', () => {
  test.each([
    [
      'swapped order',
      manifestSource.replace(
        '<Version>0.1.0.0</Version>\n  <ProviderName>Backscatter Guard</ProviderName>',
        '<ProviderName>Backscatter Guard</ProviderName>\n  <Version>0.1.0.0</Version>',
      ),
      'comes after',
    ],
    [
      'a dangling resid',
      manifestSource.replace('resid="Pane.Tooltip"', 'resid="Pane.Missing"'),
      'not in bt:LongStrings',
    ],
    [
      'an http URL',
      manifestSource.replace(
        'https://localhost:3000/support.html"/>\n  <Hosts>',
        'http://localhost:3000/support.html"/>\n  <Hosts>',
      ),
      'not HTTPS',
    ],
    [
      'a missing child',
      manifestSource.replace(/<Supertip>\s*<Title resid="Spam.Label"\/>/, '<Supertip>'),
      'lacks <Title>',
    ],
    [
      'an over-long string',
      manifestSource.replace('DefaultValue="Check bounce"', `DefaultValue="${'x'.repeat(126)}"`),
      '1–125',
    ],
  ])('catches %s', (_name, xml, message) => {
    expect(xml).not.toBe(manifestSource);
    expect(checkManifest(xml).join('\n')).toContain(message);
  });

  test('rejects XML that is not well-formed', () => {
    expect(() => parseXml(manifestSource.replace('</Hosts>', '</Host>'))).toThrow();
  });
});

describe('decisions the manifest states', () => {
  test('no SupportsSharedFolders: shared and delegate mailboxes do not get the add-in (see the comment)', () => {
    expect(manifestSource).not.toMatch(/<SupportsSharedFolders>/);
    expect(manifestSource).toMatch(/No SupportsSharedFolders, on purpose/);
  });
});

describe('the unified manifest (manifest.json)', () => {
  test('is the one generated from manifest.xml (npm run build:addin writes it; they cannot drift)', () => {
    expect(JSON.parse(unifiedSource)).toEqual(unifiedManifest(manifestSource));
  });

  test('carries the same id, version, pane, Report button and URLs', () => {
    const json = unifiedManifest(manifestSource) as {
      id: string;
      version: string;
      extensions: Array<{
        runtimes: Array<{
          code: { page: string; script?: string };
          actions: Array<{ id: string; pinnable?: boolean }>;
        }>;
        ribbons: Array<{ contexts: string[] }>;
      }>;
    };
    expect(json.id).toBe(ADDIN_ID);
    expect(json.version).toBe('0.1.0');
    const [extension] = json.extensions;
    expect(extension!.ribbons.map(r => r.contexts[0])).toEqual(['mailRead', 'spamReportingOverride']);
    expect(extension!.runtimes.map(r => r.code.page)).toEqual([
      `${DEV_ORIGIN}/taskpane.html`,
      `${DEV_ORIGIN}/commands.html`,
    ]);
    expect(extension!.runtimes[0]!.actions[0]).toMatchObject({ id: 'openPane', pinnable: true });
    expect(extension!.runtimes[1]!.code.script).toBe(`${DEV_ORIGIN}/spamreporting.js`);
    // For a deployment origin, every URL follows.
    const deployed = JSON.stringify(
      unifiedManifest(manifestFor(manifestSource, 'https://addins.example.org/bsg')),
    );
    expect(deployed).not.toContain('localhost');
  });
});
