/**
 * Preloaded (`node -r`) into a service the benchmark profiles with --cpu-prof. Node writes
 * the profile only on a normal exit, and Nest's shutdown hooks re-raise SIGTERM, which kills
 * the process before the profile is written; SIGUSR2 exits at once, normally, profile written.
 */
process.on('SIGUSR2', () => process.exit(0));
