// Message ids. Part 4 (4.1.4) wants every CALL/SEND id unique per sender across all connections of the same
// station identity, and at most 36 characters. A random v4 UUID is exactly 36 characters and unique across
// connections and processes without any shared state.
import { randomUUID } from 'node:crypto';

export const MAX_MESSAGE_ID_LENGTH = 36;

export function newMessageId(): string {
  return randomUUID();
}
