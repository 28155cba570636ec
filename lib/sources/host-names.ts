/**
 * `MAILBOX_HOST_NAMES='1=hv-a,7=hv-b'`: names an operator gives to host ids,
 * shown beside the ids. Pure; a bad entry is an error naming the entry.
 */

export type HostNames = ReadonlyMap<number, string>;

const MAX_HOST_ID = 2000; // vdsm's maxHostID is at most 2000 (sanlock's limit)
const NAME = /^[A-Za-z0-9._:@+-][A-Za-z0-9._:@+ -]{0,62}$/;

export class HostNamesError extends Error {}

/** A name as MAILBOX_HOST_NAMES takes it (names learnt elsewhere, e.g. from log folders, too). */
export function isHostName(name: string): boolean {
  return NAME.test(name);
}

export function parseHostNames(raw: string | undefined, variable = 'MAILBOX_HOST_NAMES'): HostNames {
  const names = new Map<number, string>();
  if (raw === undefined || raw.trim() === '') return names;
  for (const part of raw.split(',')) {
    const entry = part.trim();
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    if (eq < 0) throw new HostNamesError(`${variable}: entry ${JSON.stringify(entry)} has no '=': write id=name, e.g. 1=hv-a,7=hv-b`);
    const idText = entry.slice(0, eq).trim();
    const name = entry.slice(eq + 1).trim();
    const id = Number(idText);
    if (!/^\d+$/.test(idText) || id > MAX_HOST_ID) {
      throw new HostNamesError(`${variable}: entry ${JSON.stringify(entry)}: expected a host id 0..${MAX_HOST_ID} before '=', got ${JSON.stringify(idText)}`);
    }
    if (!NAME.test(name)) {
      throw new HostNamesError(`${variable}: entry ${JSON.stringify(entry)}: expected a name of 1-63 letters, digits, '.', '_', '-', ':', '@', '+' or spaces, got ${JSON.stringify(name)}`);
    }
    if (names.has(id)) throw new HostNamesError(`${variable}: host ${id} is named twice (${JSON.stringify(names.get(id))} and ${JSON.stringify(name)}): keep one`);
    names.set(id, name);
  }
  return names;
}

/** "7 (hv-b)" where a name is known, else "7". */
export function hostLabel(id: number, names: HostNames): string {
  const name = names.get(id);
  return name ? `${id} (${name})` : String(id);
}

/** Names as `/api/sources` gives them (`{"7": "hv-b"}`), entries that are not a host id dropped. */
export function hostNamesFromJson(json: Readonly<Record<string, string>> | undefined): HostNames {
  const names = new Map<number, string>();
  for (const [key, name] of Object.entries(json ?? {})) {
    if (/^\d+$/.test(key) && typeof name === 'string' && name !== '') names.set(Number(key), name);
  }
  return names;
}

/** `first`'s names, then `more`'s for the ids `first` does not name. */
export function mergeHostNames(first: HostNames, more: HostNames): HostNames {
  if (more.size === 0) return first;
  const out = new Map(more);
  for (const [id, name] of first) out.set(id, name);
  return out;
}
