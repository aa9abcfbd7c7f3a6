import { describe, expect, test } from 'vitest';
import { messageIdShape } from './message-id-shape';

describe('messageIdShape', () => {
  test.each([
    ['3f2c9b10-1d2e-4c5b-9a8f-0123456789ab@example.org', 'uuid-lower@example.org'],
    ['D957E346-5D46-47EE-8CEF-EF76A51AFD20@yahoo.com', 'uuid-upper@yahoo.com'],
    ['CAByYQsF5qdTf_h-1AAVPW0RgR1YN+LE=+0Uv9LpQ4aA_myPtCw@mail.gmail.com', 'gmail-ca@mail.gmail.com'],
    [
      'AM0PR07MB12345ABCDEF0123456789@AM0PR07MB12345.eurprd07.prod.outlook.com',
      'exchange@am0pr07mb12345.eurprd07.prod.outlook.com',
    ],
    ['20141206172434.925BE9E1F3B@forward1h.mail.yandex.net', 'timestamp-queue@forward1h.mail.yandex.net'],
    ['E1XsaNj-0006ay-9N@smtp23.mail.ru', 'exim@smtp23.mail.ru'],
    ['320984677.2593391.1528961217449@mail.yahoo.com', 'digits-dots@mail.yahoo.com'],
    ['trinity-0a1b2c3d-0000-4444-8888-0123456789ab-1700000000000@3c-app-gmx-bs01', 'trinity@3c-app-gmx-bs01'],
    ['hello world@x', 'other@x'],
  ])('%s → %s', (id, shape) => {
    expect(messageIdShape(id)).toBe(shape);
  });

  test.each(['no-at-sign', '@only-right', 'only-left@'])('%s has no shape', id => {
    expect(messageIdShape(id)).toBeUndefined();
  });
});
