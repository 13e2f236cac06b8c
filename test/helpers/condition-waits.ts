// Waiting for a condition on state the caller keeps itself (counters, lists of what a server saw): the caller says
// `changed()` after each update and every pending wait checks its condition again. Event-driven; nothing polls.

export class ConditionWaits {
  private waiters: Array<() => void> = [];

  /** Call after each update of the state the conditions read. */
  changed(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves once `test()` holds (now or after a later change); rejects with `timeoutMessage()` after the deadline. */
  until(test: () => boolean, timeoutMessage: () => string, deadlineMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(timeoutMessage())), deadlineMs);
      const check = (): void => {
        if (test()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      check();
    });
  }
}
