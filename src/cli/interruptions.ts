// How a run ends on Ctrl-C or SIGTERM: the first signal stops it with reports, a second one at once.
/** Ctrl-C and SIGTERM end the run: the running case becomes INCONCLUSIVE "interrupted" and the reports are written. */
export function interruptions(out: (line: string) => void): { signal: AbortSignal; exitCode: () => number | undefined; dispose: () => void } {
  const controller = new AbortController();
  let firstAt = 0;
  let code: number | undefined;
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((name) => {
    const handler = (): void => {
      if (!controller.signal.aborted) {
        firstAt = Date.now();
        code = name === 'SIGINT' ? 130 : 143;
        out(`\n${name}: stopping the run; writing the reports of what ran (send it again to stop at once) ...`);
        controller.abort(name);
      } else if (Date.now() - firstAt > 1000) {
        // A second signal (not the same keypress reaching us twice through a launcher) stops without reports.
        process.exit(code ?? 130);
      }
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: controller.signal,
    exitCode: () => code,
    dispose: () => {
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}
