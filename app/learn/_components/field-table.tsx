import { EXTEND_FIELD_LIST } from '@/lib/mailbox';

const ENCODING: Readonly<Record<string, string>> = {
  ascii: 'ASCII',
  'uuid-le': 'UUID as a little-endian 128-bit integer (the usual bytes reversed)',
  'uuid-be': 'UUID, usual big-endian bytes',
  'hex-ascii': '16 lower-case hex digits, zero-padded, in MiB',
  'ascii-zeros': "ASCII '0' (0x30)",
  u32le: 'unsigned 32-bit little-endian',
  bytes: 'opaque bytes',
};

/** The format's own field table, as the decoder and the hex view read it. */
export function FieldTable() {
  return (
    <table className="text-[12px]">
      <thead className="text-left text-muted">
        <tr className="border-b border-line-strong">
          <th className="pr-4 text-right font-semibold">bytes</th>
          <th className="pr-4 text-right font-semibold">size</th>
          <th className="pr-4 font-semibold">field</th>
          <th className="font-semibold">encoding</th>
        </tr>
      </thead>
      <tbody>
        {EXTEND_FIELD_LIST.map((f) => (
          <tr key={f.id} className="border-b border-line">
            <td className="num pr-4">{f.offset}..{f.offset + f.length - 1}</td>
            <td className="num pr-4">{f.length}</td>
            <td className="pr-4">{f.label}</td>
            <td className="text-muted">{ENCODING[f.encoding] ?? f.encoding}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
