import { Legend } from '@/components/vocabulary/legend';
import { BINDINGS } from './key-commands';

/** Every shortcut, then the legend. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-black/40 pt-[10vh]" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-label="keyboard shortcuts" className="max-h-[80vh] w-[min(64rem,94vw)] overflow-auto rounded border border-line-strong bg-panel p-4 shadow-xl" onClick={(e) => e.stopPropagation()}>
        <div className="mb-2 flex items-center">
          <h2 className="text-[15px] font-semibold">Keyboard</h2>
          <button type="button" className="btn ml-auto" onClick={onClose}>✕ close <kbd>Esc</kbd></button>
        </div>
        <table className="mb-4 text-[13px]">
          <tbody>
            {BINDINGS.map(({ label, action }) => (
              <tr key={label}>
                <td className="py-0.5 pr-6 font-mono whitespace-nowrap">{label}</td>
                <td className="text-muted">{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2 className="mb-2 text-[15px] font-semibold">Legend</h2>
        <Legend />
      </div>
    </div>
  );
}
