'use client';

import { useEffect, useMemo, useState } from 'react';
import { roleOf, sourceId, type OpenedFile } from '@/lib/offline/opened-set';
import { TraceSession } from '@/lib/offline/trace-session';
import { DEFAULT_POLL_MS } from '@/lib/replay/read-schedule';
import { parseTrace } from '@/lib/replay/trace-format';
import type { ReplayState } from './replay-controls';

const TICK_MS = 100;

export interface Traces {
  sessions: TraceSession[];
  errors: string[];
  state: ReplayState | null;
  play: () => void;
  pause: () => void;
  step: () => void;
  setSpeed: (speed: number) => void;
  setPollMs: (ms: number) => void;
  restart: () => void;
}

/**
 * The traces among the opened files, each replayed into its own source. One
 * clock drives them all (a timer while playing); a new reader interval or a
 * restart starts them over with an empty history.
 */
export function useTraces(files: readonly OpenedFile[], taken: ReadonlySet<string>): Traces {
  const [pollMs, setPollMs] = useState(DEFAULT_POLL_MS);
  const [speed, setSpeedState] = useState(1);
  const [generation, setGeneration] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [, setTicks] = useState(0);

  const traceFiles = useMemo(() => files.filter((f) => roleOf(f) === 'trace' && f.bytes), [files]);
  const { sessions, errors } = useMemo(() => {
    const out: TraceSession[] = [];
    const errs: string[] = [];
    const ids = new Set(taken);
    for (const file of traceFiles) {
      const parsed = parseTrace(new TextDecoder().decode(file.bytes!), file.name);
      if (!parsed.ok) {
        errs.push(parsed.error);
        continue;
      }
      const id = sourceId(`trace-${file.name.replace(/\.jsonl$/, '')}`, ids);
      ids.add(id);
      // The file was written after its last write: t = 0 is about that long before its modification time.
      const t0Ms = file.lastModified - Math.round((parsed.trace.writes.at(-1)?.t ?? 0) * 1000);
      out.push(new TraceSession(parsed.trace, { id, fileName: file.name, pollMs, speed, t0Ms }));
    }
    return { sessions: out, errors: errs };
    // speed is applied live below; a new generation or interval starts over
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [traceFiles, taken, pollMs, generation]);

  useEffect(() => {
    for (const s of sessions) s.player.setSpeed(speed);
  }, [sessions, speed]);

  useEffect(() => {
    if (!playing || sessions.length === 0) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      for (const s of sessions) {
        s.player.paused = false;
        s.tick(now - last);
      }
      last = now;
      setTicks((n) => n + 1);
      if (sessions.every((s) => s.player.finished)) setPlaying(false);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, sessions]);

  const first = sessions[0];
  const state: ReplayState | null = first ? {
    playing, speed, pollMs,
    position: first.player.position, end: first.player.end,
    writes: first.player.writesApplied, totalWrites: first.trace.writes.length, finished: first.player.finished,
  } : null;

  return {
    sessions, errors, state,
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    step: () => {
      setPlaying(false);
      for (const s of sessions) s.step();
      setTicks((n) => n + 1);
    },
    setSpeed: setSpeedState,
    setPollMs: (ms) => { setPlaying(false); setPollMs(ms); },
    restart: () => { setPlaying(false); setGeneration((g) => g + 1); },
  };
}
