/** The login page for browsers when MAILBOX_TOKEN is set: the token is posted once and kept as an HttpOnly cookie. */
export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const next = typeof query.next === 'string' ? query.next : '/';
  const failed = query.error === '1';
  return (
    <main className="mx-auto mt-24 max-w-sm p-4">
      <h1 className="mb-4 text-lg font-semibold">Mailbox Inspector</h1>
      <form method="post" action="/api/login" className="flex flex-col gap-3">
        <label className="flex flex-col gap-1">
          <span>Token (the server&apos;s MAILBOX_TOKEN)</span>
          <input name="token" type="password" autoComplete="current-password" required autoFocus
            className="rounded border border-line bg-bg px-2 py-1 font-mono" data-login-token />
        </label>
        <input type="hidden" name="next" value={next} />
        {failed && <p role="alert" className="text-[var(--ink-vermillion)]">✗ Wrong token: ask whoever started the inspector for its MAILBOX_TOKEN.</p>}
        <button type="submit" className="rounded border border-line px-3 py-1">Log in</button>
      </form>
    </main>
  );
}
