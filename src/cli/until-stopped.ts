// How the long-running `sim` commands wait: until the person presses Ctrl-C (SIGINT), the process is told to
// terminate (SIGTERM), or, in tests, the given signal aborts.

/** Resolves at the first SIGINT, SIGTERM or abort, and stops listening for the signals then. */
export function untilStopped(abort?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
    if (abort?.aborted) done();
    else abort?.addEventListener('abort', done, { once: true });
  });
}
