// Yandex: mailer-daemon@yandex.ru.
import type { Mta } from './types';
import { domainIsUnder } from '../domain';

const yandex: Mta = {
  id: 'yandex',
  recognise: sig => domainIsUnder(sig.from, /^yandex\.[a-z.]+$/),
};

export default yandex;
