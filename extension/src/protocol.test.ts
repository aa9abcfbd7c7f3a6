import { describe, expect, test } from 'vitest';
import { isRequest } from './protocol';

describe('isRequest accepts our requests', () => {
  test.each([
    { type: 'check-displayed' },
    { type: 'check-displayed', tabId: 3 },
    { type: 'check-message', messageId: 7 },
    { type: 'not-backscatter', messageId: 7 },
    { type: 'move-to-junk', messageIds: [1, 2] },
    { type: 'move-to-junk', messageIds: [] },
    { type: 'undo-move', headerMessageIds: ['a@b'] },
    { type: 'sweep-start' },
    { type: 'sweep-start', folderId: 'account1://INBOX' },
    { type: 'sweep-poll', sweepId: 'sweep-1', from: 0 },
    { type: 'sweep-stop', sweepId: 'sweep-1', from: 12 },
    { type: 'sweep-recheck', folderId: 'account1://INBOX', headerMessageIds: ['a@b'] },
    { type: 'get-options' },
    { type: 'reset-profile' },
    { type: 'save-settings', settings: { autoScan: 'off' } },
  ])('$type', request => {
    expect(isRequest(request)).toBe(true);
  });
});

describe('isRequest leaves anything else to other listeners', () => {
  test.each([
    null,
    undefined,
    'check-displayed',
    42,
    {},
    { type: 'delete-message', messageId: 1 },
    { type: 'check-displayed', tabId: '3' },
    { type: 'check-message' },
    { type: 'check-message', messageId: 1.5 },
    { type: 'move-to-junk', messageIds: '1' },
    { type: 'move-to-junk', messageIds: [1, '2'] },
    { type: 'undo-move', headerMessageIds: [1] },
    { type: 'list-folder' },
    { type: 'sweep-start', folderId: 3 },
    { type: 'sweep-poll', sweepId: 'sweep-1' },
    { type: 'sweep-poll', sweepId: 1, from: 0 },
    { type: 'sweep-stop', sweepId: 'sweep-1', from: 0.5 },
    { type: 'sweep-recheck', folderId: 'account1://INBOX' },
    { type: 'sweep-recheck', headerMessageIds: ['a@b'] },
    { type: 'save-settings', settings: null },
    { type: 'banner-rendered', messageId: 1, ms: 3 },
  ])('%j', message => {
    expect(isRequest(message)).toBe(false);
  });
});
