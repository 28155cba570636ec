/** LIVE / PAUSED, one click or Space. */
export function LiveToggle({ live, onToggle }: { live: boolean; onToggle: () => void }) {
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
