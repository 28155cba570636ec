import { FIELD_LEGEND } from './mailbox-ranges';

/** What each byte colour of the hex view means. */
export function FieldLegend() {
  return (
    <span className="hex flex flex-wrap gap-1 text-[11px]">
      {FIELD_LEGEND.map(({ tone, label }) => (
        <span key={tone} data-tone={tone} className="rounded-sm px-1">{label}</span>
      ))}
      <span data-severity="error" className="px-1">error</span>
    </span>
  );
}
