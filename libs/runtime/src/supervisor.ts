/**
 * A process started by `npm start` (scripts/start.mjs) has an IPC channel to it: it says when it is
 * ready, and stops cleanly when the supervisor goes away, even if that one was killed outright.
 * Without a channel (docker, a service manager) both do nothing.
 */
export function tellSupervisorReady(name: 'api' | 'worker') {
  process.send?.({ ready: name });
}

export function stopWithSupervisor() {
  if (process.send) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
