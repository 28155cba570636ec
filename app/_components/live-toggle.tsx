interface LiveToggleProps {
  live: boolean;
  /** time travel: the view shows a past read; the button returns to live */
  past: boolean;
  onToggle: () => void;
  onLive: () => void;
}

/** LIVE / PAUSED, one click or Space; ⏪ PAST while time travelling, one click back to live. */
export function LiveToggle({ live, past, onToggle, onLive }: LiveToggleProps) {
  if (past) {
    return (
      <button type="button" onClick={onLive} title="showing a past read: back to live (L)" className="btn bg-(--oi-blue)! font-semibold text-white!">
        <span aria-hidden>⏪</span> PAST
      </button>
    );
  }
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-pressed={!live}
      title={live ? 'pause live updates (Space)' : 'resume live updates (Space)'}
      className={`btn font-semibold ${live ? '' : 'bg-(--oi-orange)! text-black!'}`}
    >
      {live ? <><span className="text-(--ink-green)" aria-hidden>●</span> LIVE</> : <><span aria-hidden>⏸</span> PAUSED</>}
    </button>
  );
}
