import { render } from 'preact';
import { realMessenger } from '../thunderbird/messenger';
import { browserI18n } from '../ui/i18n';
import { runtimeAsk } from '../ui/port';
import { Options } from './Options';

const messenger = realMessenger();
const root = document.getElementById('root');
if (root) {
  render(
    <Options
      ask={runtimeAsk(message => messenger.runtime.sendMessage(message))}
      i18n={browserI18n(messenger.i18n)}
    />,
    root,
  );
}
