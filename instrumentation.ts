// Runs once when a server process starts, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareServer } = await import('./lib/server-start');
    await prepareServer();
  }
}
