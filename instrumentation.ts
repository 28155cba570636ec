/** Runs once when the server starts: bad configuration stops it here, with a message. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { refuseUnsafeStart } = await import('./lib/security/exposure');
  refuseUnsafeStart();
  const { refuseTraceAtServer } = await import('./lib/security/trace-guard');
  refuseTraceAtServer();
  const { allowPrecompressedBodies } = await import('./lib/api/server/encoded-bodies');
  allowPrecompressedBodies();
  const { startSources } = await import('./lib/sources/startup');
  await startSources();
}
