// Loaded by commands.html (web, new Outlook, Mac) and, as the same file, by classic Outlook on Windows'
// JavaScript-only runtime, where "code in Office.onReady() and Office.initialize isn't run": the
// handler is associated at top level.
import { pickLang } from '../../../shared/i18n/index';
import { displayLanguage, userAddress } from '../office/host';
import { makeAssess, profileFromAddress } from '../verdict/assess';
import { engine } from '../verdict/engine';
import { createSpamReportHandler, type SpamReportEvent } from './spam-report';

const assess = makeAssess(engine, () => ({ profile: profileFromAddress(userAddress()) }));

const onSpamReport = createSpamReportHandler(assess, () => pickLang(displayLanguage()));

// The handler completes the event itself (event.completed); the returned Promise only carries errors
// it already turned into a message.
Office.actions.associate('onSpamReport', (event: SpamReportEvent) => {
  void onSpamReport(event);
});
