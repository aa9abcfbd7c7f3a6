// Yandex: mailer-daemon@yandex.ru.
import type { Mta } from './types';

const yandex: Mta = {
  id: 'yandex',
  recognise: sig => /@(?:[a-z0-9.-]+\.)?yandex\.[a-z.]+$/.test(sig.from),
};

export default yandex;
