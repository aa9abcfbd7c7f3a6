// The unified manifest for Microsoft 365 (manifest.json), generated from manifest.xml so the two
// cannot drift: same id, version, names, URLs, labels and icons. For admins who deploy through the
// Microsoft 365 admin center. manifest.xml stays the primary manifest: in the unified manifest,
// integrated spam reporting "is currently only available in classic Outlook on Windows"
// (outlook/spam-reporting), and Outlook on Mac does not take unified manifests at all. What it cannot
// carry (README, "Unified manifest"): the Report button outside classic Windows, the German strings
// (they would need a separate localisation file), and the preprocessing dialog's "Don't show again".
// The shape follows Microsoft's outlook-spam-reporting sample (manifestVersion 1.20).

/** @param {string} xml @param {RegExp} re */
function one(xml, re, what) {
  const match = re.exec(xml);
  if (!match) {
    throw new Error(`manifest.xml: no ${what}`);
  }
  return match[1];
}

const attr = (xml, element, id) =>
  one(
    xml,
    new RegExp(`<${element} id="${id.replace('.', '\\.')}" DefaultValue="([^"]*)"`),
    `${element} ${id}`,
  );

/** @param {string} xml manifest.xml for one origin (manifestFor's output) */
export function unifiedManifest(xml) {
  const url = id => attr(xml, 'bt:Url', id);
  const image = id => attr(xml, 'bt:Image', id);
  const short = id => attr(xml, 'bt:String', id);
  const origin = new URL(url('Taskpane.Url')).origin;
  const icons = [16, 32, 80].map(size => ({ size, url: image(`Icon.${size}`) }));
  const version = one(xml, /<Version>([^<]+)<\/Version>/, 'Version')
    .split('.')
    .slice(0, 3)
    .join('.');
  const name = one(xml, /<DisplayName DefaultValue="([^"]+)"/, 'DisplayName');
  const description = one(xml, /<Description DefaultValue="([^"]+)"/, 'Description');
  const support = url('Support.Url');
  const mailbox = minVersion => ({ capabilities: [{ name: 'Mailbox', minVersion }] });
  return {
    $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.20/MicrosoftTeams.schema.json',
    manifestVersion: '1.20',
    version,
    id: one(xml, /<Id>([^<]+)<\/Id>/, 'Id'),
    localizationInfo: { defaultLanguageTag: 'en-us' },
    developer: {
      name: one(xml, /<ProviderName>([^<]+)<\/ProviderName>/, 'ProviderName'),
      websiteUrl: support,
      privacyUrl: support,
      termsOfUseUrl: support,
    },
    name: { short: name, full: name },
    description: { short: description.slice(0, 80).replace(/\s+\S*$/, '…'), full: description },
    icons: { outline: 'assets/icon-32.png', color: 'assets/icon-128.png' },
    accentColor: '#1565C0',
    validDomains: [origin],
    showLoadingIndicator: false,
    isFullScreen: false,
    defaultBlockUntilAdminAction: false,
    authorization: {
      permissions: { resourceSpecific: [{ name: 'MailboxItem.Read.User', type: 'Delegated' }] },
    },
    extensions: [
      {
        requirements: { scopes: ['mail'], ...mailbox('1.3') },
        runtimes: [
          {
            requirements: mailbox('1.3'),
            id: 'TaskPaneRuntime',
            type: 'general',
            code: { page: url('Taskpane.Url') },
            lifetime: 'short',
            actions: [{ id: 'openPane', type: 'openPage', pinnable: true, multiselect: false }],
          },
          {
            requirements: { ...mailbox('1.14'), formFactors: ['desktop'] },
            id: 'SpamReportRuntime',
            type: 'general',
            code: { page: url('Commands.Url'), script: url('SpamJs.Url') },
            lifetime: 'short',
            actions: [
              {
                id: 'onSpamReport',
                type: 'executeFunction',
                multiselect: false,
                supportsNoItemContext: false,
              },
            ],
          },
        ],
        ribbons: [
          {
            contexts: ['mailRead'],
            tabs: [
              {
                builtInTabId: 'TabDefault',
                groups: [
                  {
                    id: 'bsgReadGroup',
                    label: short('Group.Label'),
                    icons,
                    controls: [
                      {
                        id: 'bsgOpenPane',
                        type: 'button',
                        label: short('Pane.Label'),
                        icons,
                        supertip: {
                          title: short('Pane.Label'),
                          description: attr(xml, 'bt:String', 'Pane.Tooltip'),
                        },
                        actionId: 'openPane',
                      },
                    ],
                  },
                ],
              },
            ],
          },
          {
            requirements: mailbox('1.14'),
            contexts: ['spamReportingOverride'],
            tabs: [],
            fixedControls: [
              {
                id: 'bsgReportButton',
                type: 'button',
                label: short('Spam.Label'),
                enabled: false,
                icons,
                supertip: { title: short('Spam.Label'), description: attr(xml, 'bt:String', 'Spam.Tooltip') },
                actionId: 'onSpamReport',
              },
            ],
            spamPreProcessingDialog: {
              title: short('Dialog.Title'),
              description: attr(xml, 'bt:String', 'Dialog.Text'),
              spamMoreInfo: { text: short('MoreInfo.Label'), url: support },
            },
          },
        ],
        alternates: [
          {
            alternateIcons: {
              icon: { size: 64, url: one(xml, /<IconUrl DefaultValue="([^"]+)"/, 'IconUrl') },
              highResolutionIcon: {
                size: 128,
                url: one(xml, /<HighResolutionIconUrl DefaultValue="([^"]+)"/, 'HighResolutionIconUrl'),
              },
            },
          },
        ],
      },
    ],
  };
}

/** The file's text: two-space JSON and a final newline, as committed beside manifest.xml. */
export function unifiedManifestText(xml) {
  return `${JSON.stringify(unifiedManifest(xml), null, 2)}\n`;
}
