/**
 * Host names learnt from opened logs. A vdsm log says which host id its
 * host had (`connectStoragePool(… hostID=N …)`, sanlock's host id lines),
 * never the host's name; that is in where the log was found: a sosreport's
 * directory (`sosreport-hv-a-01234567-2026-11-24-abcdef/var/log/vdsm/…`), or
 * the folder a log collector or a person put each host's logs in. Pure.
 */
import { isHostName } from '@/lib/sources/host-names';
import type { LogFileSummary } from './types';

export interface LearntName {
  host: number;
  name: string;
  /** the log that said the host id, in the folder that gave the name */
  file: string;
}

export interface LearntNames {
  names: LearntName[];
  /** why a name was not taken (two names for one id, one log for two ids) */
  notes: string[];
}

/** sos ≥ 4: sosreport-HOST[-CASE]-YYYY-MM-DD-RANDOM; sos 3: sosreport-HOST[.CASE]-YYYYMMDDHHMMSS */
const SOS4 = /^sosreport-(.+?)(?:-\d+)?-\d{4}-\d\d-\d\d-[A-Za-z0-9]+(?:\.tar(?:\.\w+)?)?$/;
const SOS3 = /^sosreport-(.+?)(?:\.\d+)?-\d{14}(?:\.tar(?:\.\w+)?)?$/;
/** folders that say where logs are, not whose */
const GENERIC = /^(var|log|logs|vdsm|tmp|home|root|downloads?|cases?|\d+|\.+|sosreport|sosreport-logcollector.*)$/i;

/** The host a log's path names, or null: the sosreport folder it is in, else the folder above var/log/vdsm, else its own folder. */
export function hostNameFromPath(path: string): string | null {
  const folders = path.split(/[\\/]+/).slice(0, -1);
  for (let i = folders.length - 1; i >= 0; i--) {
    const m = SOS4.exec(folders[i]) ?? SOS3.exec(folders[i]);
    if (m) return isHostName(m[1]) ? m[1] : null;
  }
  const varAt = folders.lastIndexOf('var');
  const candidates = varAt > 0 ? [folders[varAt - 1]] : folders.slice(-1);
  const name = candidates[0];
  return name !== undefined && !GENERIC.test(name) && isHostName(name) ? name : null;
}

/** The names of the host ids the opened logs were written by, where their paths name the host. */
export function learnHostNames(files: readonly LogFileSummary[]): LearntNames {
  const names: LearntName[] = [];
  const notes: string[] = [];
  for (const file of files) {
    const name = hostNameFromPath(file.name);
    if (name === null || file.hostIds.length === 0) continue;
    if (file.hostIds.length > 1) {
      notes.push(`${file.name} was written with host ids ${file.hostIds.join(' and ')}: which one is ${name} is not known, so neither is named`);
      continue;
    }
    const host = file.hostIds[0];
    const known = names.find((n) => n.host === host);
    if (!known) names.push({ host, name, file: file.name });
    else if (known.name !== name) notes.push(`host id ${host} is ${known.name} by ${known.file} and ${name} by ${file.name}: named ${known.name} (a host id can pass to another host)`);
  }
  names.sort((a, b) => a.host - b.host);
  return { names, notes };
}
