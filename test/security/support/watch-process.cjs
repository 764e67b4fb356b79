// Preloaded into the API under fuzz (node -r): reports every unhandled rejection and uncaught
// exception on stderr as one `SECURITY-WATCH` line, which the test counts as a failure. An uncaught
// exception still ends the process (the monitor only observes); a rejection is reported and survived.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(
    `SECURITY-WATCH unhandledRejection ${JSON.stringify(String((reason && reason.stack) || reason))}\n`,
  );
});
process.on('uncaughtExceptionMonitor', (error, origin) => {
  process.stderr.write(`SECURITY-WATCH ${origin} ${JSON.stringify(String((error && error.stack) || error))}\n`);
});
