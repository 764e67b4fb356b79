import type { PresenceUser } from '@citymentor/contracts';
import { Presence, PRESENCE_BATCH_MS, PRESENCE_SETTLE_MS } from './presence';
import type { RealtimeNamespace } from './socket-state';

const MENTOR: PresenceUser = { id: 'u-mentor', name: 'Mentor' };
const MENTEE: PresenceUser = { id: 'u-mentee', name: 'Mentee' };

/**
 * A room seen through the adapter: `fetchSockets` answers with what each look-up finds (the next
 * entry of `lookups`, then the last one again); `emitted` is what the room was told.
 */
function room(lookups: PresenceUser[][]) {
  const emitted: string[][] = [];
  let calls = 0;
  const namespace = {
    in: () => ({
      fetchSockets: () =>
        Promise.resolve((lookups[Math.min(calls++, lookups.length - 1)] ?? []).map((user) => ({ data: { user } }))),
    }),
    to: () => ({
      emit: (_: string, message: { users: PresenceUser[] }) => emitted.push(message.users.map((u) => u.id)),
    }),
  } as unknown as RealtimeNamespace;
  return { namespace, emitted, lookups: () => calls };
}

describe('Presence', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('announces a burst of joins once, then once more after things settle, so a look-up that missed a join elsewhere is corrected', async () => {
    const presence = new Presence();
    // The first look-up raced a join on another instance and missed it; the settling one sees it.
    const r = room([[MENTOR], [MENTOR, MENTEE]]);
    for (let i = 0; i < 5; i++) presence.announce(r.namespace, 'pair:1');
    await jest.advanceTimersByTimeAsync(PRESENCE_BATCH_MS);
    expect(r.emitted).toEqual([['u-mentor']]);
    await jest.advanceTimersByTimeAsync(PRESENCE_SETTLE_MS);
    expect(r.emitted).toEqual([['u-mentor'], ['u-mentee', 'u-mentor']]); // by name: Mentee, Mentor
    expect(r.lookups()).toBe(2);
    presence.onModuleDestroy();
  });

  it('does not announce the same people again when the settling look-up finds nothing new', async () => {
    const presence = new Presence();
    const r = room([[MENTOR, MENTEE]]);
    presence.announce(r.namespace, 'pair:1');
    await jest.advanceTimersByTimeAsync(PRESENCE_BATCH_MS + PRESENCE_SETTLE_MS);
    expect(r.lookups()).toBe(2);
    expect(r.emitted).toEqual([['u-mentee', 'u-mentor']]);
    presence.onModuleDestroy();
  });

  it('tries a settling look-up that failed (an instance slow to answer) again, and announces what it then finds', async () => {
    const presence = new Presence();
    const r = room([[MENTOR], [MENTOR, MENTEE]]);
    const adapter = r.namespace as unknown as { in: () => { fetchSockets: () => Promise<unknown> } };
    const fetch = adapter.in().fetchSockets;
    let call = 0;
    adapter.in = () => ({
      // The first settling look-up times out; the next one sees both.
      fetchSockets: () =>
        ++call === 2 ? Promise.reject(new Error('timeout reached while waiting for fetchSockets response')) : fetch(),
    });
    presence.announce(r.namespace, 'pair:1');
    await jest.advanceTimersByTimeAsync(PRESENCE_BATCH_MS);
    expect(r.emitted).toEqual([['u-mentor']]);
    await jest.advanceTimersByTimeAsync(PRESENCE_SETTLE_MS);
    expect(r.emitted).toEqual([['u-mentor']]);
    await jest.advanceTimersByTimeAsync(PRESENCE_SETTLE_MS);
    expect(r.emitted).toEqual([['u-mentor'], ['u-mentee', 'u-mentor']]);
    presence.onModuleDestroy();
  });

  it('moves the settling announcement on while the room keeps changing, and stops with the module', async () => {
    const presence = new Presence();
    const r = room([[MENTOR]]);
    presence.announce(r.namespace, 'pair:1');
    await jest.advanceTimersByTimeAsync(PRESENCE_BATCH_MS + PRESENCE_SETTLE_MS / 2);
    presence.announce(r.namespace, 'pair:1');
    await jest.advanceTimersByTimeAsync(PRESENCE_BATCH_MS + PRESENCE_SETTLE_MS / 2);
    expect(r.lookups()).toBe(2); // two announcements; the first settle was moved on by the second
    await jest.advanceTimersByTimeAsync(PRESENCE_SETTLE_MS / 2);
    expect(r.lookups()).toBe(3);
    presence.announce(r.namespace, 'pair:1');
    presence.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(10 * PRESENCE_SETTLE_MS);
    expect(r.lookups()).toBe(3);
  });
});
