import { render } from 'preact';
import { realMessenger } from '../thunderbird/messenger';
import { browserI18n } from '../ui/i18n';
import { runtimeAsk } from '../ui/port';
import { Sweep } from './Sweep';

const messenger = realMessenger();
const ask = runtimeAsk(message => messenger.runtime.sendMessage(message));
const query = new URLSearchParams(location.search);
const folderId = query.get('folder') ?? undefined;
const reach = query.get('reach') === 'every' ? 'every' : undefined;
const root = document.getElementById('root');
if (root) {
  render(<Sweep ask={ask} i18n={browserI18n(messenger.i18n)} folderId={folderId} reach={reach} />, root);
}
