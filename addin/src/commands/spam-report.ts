// The integrated spam-reporting handler (outlook/spam-reporting): Outlook's own Report button runs it
// after the preprocessing dialog. It checks the reported message and completes with
// moveItemTo: JunkFolder, saying what the check found. Nothing is deleted: onErrorDeleteItem is false.
// "Code added after the event.completed call isn't guaranteed to run", so completed() is the last step.
import type { Lang } from '../../../shared/i18n/index';
import { readMessage } from '../office/read-message';
import { t } from '../strings';
import type { Assessment, AssessFn } from '../verdict/assess';

/** The part of the SpamReporting event we use (SpamReportingEventArgs + completed). */
export interface SpamReportEvent {
  completed(options: Office.SpamReportingEventCompletedOptions): void;
}

export function reportDescription({ analysis, decision }: Assessment, lang: Lang): string {
  const kind = t(`kind.${analysis.kind}`, {}, lang);
  if (analysis.kind === 'other' && decision?.verdict === undefined) {
    return t('report.other', {}, lang);
  }
  switch (decision?.verdict) {
    case 'backscatter':
      return t('report.backscatter', { kind }, lang);
    case 'legitimate':
      return t('report.legitimate', { kind }, lang);
    case 'unsure':
      return t('report.unsure', { kind }, lang);
    default:
      return analysis.kind === 'other' ? t('report.other', {}, lang) : t('report.unsure', { kind }, lang);
  }
}

export function completedOptions(description: string, lang: Lang): Office.SpamReportingEventCompletedOptions {
  return {
    onErrorDeleteItem: false,
    moveItemTo: Office.MailboxEnums.MoveSpamItemTo.JunkFolder,
    showPostProcessingDialog: { title: t('report.title', {}, lang), description },
  };
}

export function createSpamReportHandler(
  assess: AssessFn,
  lang: () => Lang,
): (event: SpamReportEvent) => Promise<void> {
  return async event => {
    const language = lang();
    let description: string;
    try {
      const item = Office.context.mailbox.item as Office.MessageRead;
      const { bytes } = await readMessage(item);
      description = reportDescription(await assess(bytes), language);
    } catch (error) {
      // The user asked for Junk: a failed check still moves the message, and says so.
      description = t(
        'report.failed',
        { message: error instanceof Error ? error.message : String(error) },
        language,
      );
    }
    event.completed(completedOptions(description, language));
  };
}
