// Entry of analyzer.html: the standalone analyzer, a page of its own that never loads office.js.
import '../../shared/ui/verdict.css';
import './taskpane.css';
import { render } from 'preact';
import { pickLang } from '../../shared/i18n/index';
import { Analyzer } from './standalone/Analyzer';
import { sentLookup, sentProfile } from './standalone/sent-index';
import { makeAssess, profileFromAddress } from './verdict/assess';
import { engine } from './verdict/engine';

const root = document.getElementById('app');
if (root) {
  document.documentElement.dataset['mode'] = 'standalone';
  render(
    <Analyzer
      lang={pickLang(navigator.language)}
      assessFor={(addresses, sent) =>
        makeAssess(engine, () =>
          sent
            ? { profile: sentProfile(sent, addresses), lookup: sentLookup(sent) }
            : { profile: profileFromAddress(addresses) },
        )
      }
    />,
    root,
  );
}
