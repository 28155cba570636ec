import type { ScreenMode } from './use-read-on-screen';

interface LiveToggleProps {
  mode: ScreenMode;
  /** the screen shows files opened in this browser: never live */
  files: boolean;
  /** the latest read of a volume failed: live, but not showing the storage as it is now */
  failedRead: boolean;
  onToggle: () => void;
  onLive: () => void;
}

/**
 * Says which of four things the screen shows, in the same place, in words and
 * colour: LIVE (or LIVE with a failing read), PAUSED, NOT LIVE (a past read),
 * FILES. One click pauses, resumes, or returns to live.
 */
export function LiveToggle({ mode, files, failedRead, onToggle, onLive }: LiveToggleProps) {
  if (mode === 'past') {
    return (
      <button type="button" onClick={onLive} data-screen-mode="past" title={`showing a past read: back to the ${files ? 'latest' : 'live'} read (L)`}
        className="btn bg-(--oi-blue)! font-semibold text-white!">
        <span aria-hidden>⏪</span> {files ? 'PAST' : 'NOT LIVE'}
      </button>
    );
  }
  if (files) {
    return (
      <span className="badge font-semibold" data-tone="demo" data-screen-mode="files" title="files opened in this browser: not live storage">
        FILES
      </span>
    );
  }
  const paused = mode === 'paused';
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-pressed={paused}
      data-screen-mode={paused ? 'paused' : failedRead ? 'live-failing' : 'live'}
      title={paused ? 'resume live updates (Space)' : 'pause live updates (Space)'}
      className={`btn font-semibold ${paused ? 'bg-(--oi-orange)! text-black!' : ''}`}
    >
      {paused
        ? <><span aria-hidden>⏸</span> PAUSED</>
        : failedRead
          ? <><span className="text-(--ink-vermillion)" aria-hidden>✗</span> LIVE, READ FAILING</>
          : <><span className="text-(--ink-green)" aria-hidden>●</span> LIVE</>}
    </button>
  );
}
