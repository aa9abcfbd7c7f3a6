// `npm run lint:xpi`: Mozilla's addons-linter (the linter addons.thunderbird.net runs on upload) over
// the built XPI. Fails on any error. Warnings are printed; the expected ones are listed here with the
// reason, and any other warning fails too, so a new one is looked at rather than scrolled past.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import linter from 'addons-linter';

const here = path.dirname(fileURLToPath(import.meta.url));
const xpi = path.resolve(here, '../../dist/backscatter-guard.xpi');

/** code → why it is expected (the linter knows Firefox, not Thunderbird). */
const EXPECTED_WARNINGS = {
  // Thunderbird's own permissions (accountsRead, messagesRead, …): not in Firefox's schema.
  MANIFEST_PERMISSIONS:
    /Invalid permissions "(accountsRead|messagesRead|messagesMove|messagesUpdate|messagesTags)"/,
  // data_collection_permissions: newer than the Firefox version that matches our strict_min_version 128.
  KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION: /./,
  KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION: /./,
  // Preact's renderer can set innerHTML for dangerouslySetInnerHTML, which no component of ours uses
  // (every text is a text node; message text is never HTML).
  UNSAFE_VAR_ASSIGNMENT: /innerHTML/,
};

const instance = linter.createInstance({
  config: { _: [xpi], logLevel: 'fatal', stack: false, pretty: false, output: 'none', boring: true },
  runAsBinary: false,
});
const report = await instance.run();
const unexpected = report.warnings.filter(
  warning => !(EXPECTED_WARNINGS[warning.code]?.test(warning.message) ?? false),
);
for (const item of [...report.errors, ...report.warnings]) {
  console.log(`# addons-linter ${item.type ?? ''} ${item.code} ${item.file ?? ''}: ${item.message}`);
}
console.log(
  `# addons-linter: ${report.errors.length} errors, ${report.warnings.length} warnings (${unexpected.length} unexpected), ${report.notices.length} notices`,
);
process.exit(report.errors.length === 0 && unexpected.length === 0 ? 0 : 1);
