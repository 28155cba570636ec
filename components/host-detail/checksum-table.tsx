import type { Checksum } from '@/lib/mailbox';
import { u32leBytes } from './mailbox-ranges';

/** Stored vs computed checksum, as numbers and as the bytes on disk, aligned for comparing. */
export function ChecksumTable({ checksum }: { checksum: Checksum | null }) {
  if (!checksum) return <p className="text-muted">inbox not read: no checksum</p>;
  const ok = checksum.stored === checksum.computed;
  const rows = [
    ['stored', checksum.stored, 'bytes 4092..4095'],
    ['computed', checksum.computed, 'sum of bytes 0..4091'],
  ] as const;
  return (
    <table className="text-[12px]" aria-label="inbox checksum">
      <tbody>
        {rows.map(([name, value, where]) => (
          <tr key={name} data-checksum={name}>
            <th scope="row" className="pr-3 text-left font-normal text-muted">{name}</th>
            <td className="num min-w-[7ch] pr-3 font-semibold">{value}</td>
            <td className="pr-3 font-mono text-muted">{u32leBytes(value)}</td>
            <td className="text-faint">{where}</td>
          </tr>
        ))}
        <tr>
          <td />
          <td colSpan={3} className={ok ? 'text-muted' : 'font-semibold text-(--ink-vermillion)'}>
            {ok ? (checksum.computed === 0 ? '= empty mailbox, valid' : '= match') : checksum.stored === 0 ? '✗ missing: data without its checksum (torn write)' : '✗ mismatch: the SPM drops this mail'}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
