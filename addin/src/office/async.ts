// Office.js reports every mailbox call through a callback with an AsyncResult
// (develop/asynchronous-programming-in-office-add-ins). Wrapped once here into Promises, so the
// rest of the task pane never sees a callback or forgets to check `status`.

/** A failed Office call, keeping the documented error name ("NumberOfNotificationMessagesExceeded", …). */
export class OfficeCallError extends Error {
  readonly code: number | undefined;
  readonly officeName: string;

  constructor(officeName: string, message: string, code: number | undefined) {
    super(`${officeName}: ${message}`);
    this.name = 'OfficeCallError';
    this.officeName = officeName;
    this.code = code;
  }
}

type Callback<T> = (result: Office.AsyncResult<T>) => void;

/** Runs `start` with a callback and settles with `asyncResult.value` or an OfficeCallError. */
export function officeCall<T>(start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start(result => {
        if (result.status === Office.AsyncResultStatus.Succeeded) {
          resolve(result.value);
        } else {
          const error = result.error as Partial<Office.Error> | undefined;
          reject(
            new OfficeCallError(error?.name ?? 'Failed', error?.message ?? 'the call failed', error?.code),
          );
        }
      });
    } catch (error) {
      // Some arguments are checked synchronously: an over-long notification message throws
      // ArgumentOutOfRange before any callback (notifications: "an ArgumentOutOfRange exception is thrown").
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
