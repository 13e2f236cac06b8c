// A firmware update or a log upload in progress: its status for triggered notifications, and its waits (scheduled
// times, retry intervals), which a second request cancels at once. Shared by the firmware and diagnostics areas.
export interface TransferJob {
  requestId: number;
  status: string;
  cancelled: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  wake: (() => void) | undefined;
}

export function newTransferJob(requestId: number, status: string): TransferJob {
  return { requestId, status, cancelled: false, timer: undefined, wake: undefined };
}

/** Waits `ms` unless the job is cancelled first; false when cancelled. */
export function pauseJob(job: TransferJob, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (job.cancelled) return resolve(false);
    const done = (): void => {
      job.timer = undefined;
      job.wake = undefined;
      resolve(!job.cancelled);
    };
    job.wake = done;
    job.timer = setTimeout(done, Math.max(0, ms));
  });
}

export function cancelJob(job: TransferJob): void {
  job.cancelled = true;
  if (job.timer) clearTimeout(job.timer);
  job.wake?.();
}
