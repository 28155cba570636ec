'use client';

import { SPEEDS } from '@/lib/replay/trace-player';

export interface ReplayState {
  playing: boolean;
  speed: number;
  pollMs: number;
  position: number;
  end: number;
  writes: number;
  totalWrites: number;
  finished: boolean;
}

interface ReplayControlsProps {
  name: string;
  state: ReplayState;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onSpeed: (speed: number) => void;
  onPollMs: (ms: number) => void;
  onRestart: () => void;
}

/** A trace's replay: play or pause, step write by write, 0.25×–8×, and how often its reader reads. */
export function ReplayControls({ name, state, onPlay, onPause, onStep, onSpeed, onPollMs, onRestart }: ReplayControlsProps) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-[12px]" data-testid="replay" data-playing={state.playing} data-writes={state.writes}>
      <span className="font-semibold">replay {name}</span>
      {state.playing
        ? <button type="button" className="btn" onClick={onPause} data-testid="replay-pause">❚❚ pause</button>
        : <button type="button" className="btn" onClick={onPlay} disabled={state.finished} data-testid="replay-play">▶ play</button>}
      <button type="button" className="btn" onClick={onStep} disabled={state.writes >= state.totalWrites} data-testid="replay-step"
        title="apply the next write and read right after it">step ▸ write</button>
      <label className="flex items-center gap-1">speed
        <select value={state.speed} onChange={(e) => onSpeed(Number(e.target.value))} data-testid="replay-speed"
          className="rounded-sm border border-line-strong bg-panel px-1">
          {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
      </label>
      <label className="flex items-center gap-1" title="how often the replay's reader reads the volumes, as the SPM does every 500 ms (changing it restarts the replay)">reader every
        <input type="number" min={10} max={10000} step={10} value={state.pollMs} data-testid="replay-poll"
          onChange={(e) => { const ms = Number(e.target.value); if (ms >= 10 && ms <= 10000) onPollMs(ms); }}
          className="w-16 rounded-sm border border-line-strong bg-panel px-1 text-right font-mono" /> ms
      </label>
      <button type="button" className="btn" onClick={onRestart}>⟲ restart</button>
      <span className="num text-muted" data-testid="replay-position">
        t = {state.position.toFixed(2)} s of {state.end.toFixed(2)} s · write {state.writes} of {state.totalWrites}{state.finished ? ' · done' : ''}
      </span>
    </div>
  );
}
