interface GridFiltersProps {
  problemsOnly: boolean;
  showEmpty: boolean;
  onProblemsOnly: () => void;
  onShowEmpty: () => void;
}

function Toggle({ on, onClick, children, hint }: { on: boolean; onClick: () => void; children: string; hint: string }) {
  return (
    <button type="button" className="btn" aria-pressed={on} onClick={onClick} title={`${children} (${hint})`}>
      <span aria-hidden className="font-mono">{on ? '☑' : '☐'}</span> {children} <kbd>{hint}</kbd>
    </button>
  );
}

export function GridFilters({ problemsOnly, showEmpty, onProblemsOnly, onShowEmpty }: GridFiltersProps) {
  return (
    <span className="flex gap-1.5">
      <Toggle on={problemsOnly} onClick={onProblemsOnly} hint="p">problems only</Toggle>
      <Toggle on={showEmpty} onClick={onShowEmpty} hint="e">hosts without mail</Toggle>
    </span>
  );
}
