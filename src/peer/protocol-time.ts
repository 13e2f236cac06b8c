// Time the protocol itself asks to pass: a retry interval the SUT demanded, a configured transaction duration (and the
// reconnect gap after a close the SUT never answered, the one wait that is ours). This is the only place the engine lets time pass on purpose; every
// other wait is for an event with a deadline. The reason goes to the trace, so a reader sees why nothing happened.

export async function letProtocolTimePass(ms: number, reason: string, note: (message: string) => void): Promise<void> {
  if (ms <= 0) return;
  note(`letting ${ms} ms pass: ${reason}`);
  await new Promise<void>((resolve) => setTimeout(resolve, ms));
}
