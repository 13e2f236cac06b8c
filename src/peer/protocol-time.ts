// Time the protocol itself asks to pass: a retry interval the SUT demanded, the reconnect gap between two connections of
// one identity, a configured transaction duration. This is the only place the engine lets time pass on purpose; every
// other wait is for an event with a deadline. The reason goes to the trace, so a reader sees why nothing happened.

export async function letProtocolTimePass(ms: number, reason: string, note: (message: string) => void): Promise<void> {
  if (ms <= 0) return;
  note(`letting ${ms} ms pass: ${reason}`);
  await new Promise<void>((resolve) => setTimeout(resolve, ms));
}
