import type { SocketState } from './socket-state';

/** Messages a socket may send per second on average, and in a burst. */
export const MESSAGES_PER_SECOND = 20;
export const MESSAGE_BURST = 40;
/** A message whose arguments serialise larger than this is dropped with an error. */
export const MAX_MESSAGE_CHARS = 8 * 1024;
/** Rooms one connection may follow at once. */
export const MAX_ROOMS_PER_SOCKET = 50;
/** Typing indicators per room: at most one every this many milliseconds; the rest are dropped silently. */
export const TYPING_INTERVAL_MS = 500;

/** A token bucket per socket: true when the message may be handled. */
export function takeToken(data: Pick<SocketState, 'allowance'>, now = Date.now()): boolean {
  const a = data.allowance;
  a.tokens = Math.min(MESSAGE_BURST, a.tokens + ((now - a.at) / 1000) * MESSAGES_PER_SECOND);
  a.at = now;
  if (a.tokens < 1) return false;
  a.tokens -= 1;
  return true;
}

export function tooLarge(args: unknown[]): boolean {
  try {
    return JSON.stringify(args).length > MAX_MESSAGE_CHARS;
  } catch {
    return true;
  }
}
