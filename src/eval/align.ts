/**
 * Pairs two labellings of the same units by id and fixes the list of themes they
 * are scored on. Both sides must cover exactly the same ids: a missing unit is an
 * error, never silently dropped.
 */
import { InputError, type Issue } from '../errors';

/** A unit with its themes; `text` is used for excerpts when present. */
export interface LabelledItem {
  readonly id: string;
  readonly themes: readonly string[];
  readonly text?: string;
  /** The review or page the unit belongs to: a bootstrap resamples whole groups. */
  readonly group?: string;
}

/** An item whose id may be absent (a map supplies it as the key). */
export type WithoutId<T> = Omit<T, 'id'> & { readonly id?: string | undefined };

/** Items as an array (each with an id) or as a map keyed by id (the key wins). */
export type ItemsById<T extends { readonly id?: string | undefined }> = readonly T[] | ReadonlyMap<string, WithoutId<T>>;

/** One unit of both labellings. */
export interface AlignedPair<A, B> {
  readonly id: string;
  readonly a: A;
  readonly b: B;
  /** Theme sets of each side (duplicates within an item collapse: themes are a set). */
  readonly aThemes: ReadonlySet<string>;
  readonly bThemes: ReadonlySet<string>;
}

/** Names of the two sides, used in error messages ("gold", "predicted"). */
export type SideNames = readonly [string, string];

const SHOWN_IDS = 10;

/**
 * Pairs the items of `a` and `b` by id, in the order of `a`.
 * @throws InputError `INVALID_INPUT` when an item has no id, an id repeats, or
 *   the id sets differ (the message names the missing ids of each side).
 */
export function alignById<A extends { readonly id?: string | undefined; readonly themes: readonly string[] }, B extends { readonly id?: string | undefined; readonly themes: readonly string[] }>(
  a: ItemsById<A>,
  b: ItemsById<B>,
  names: SideNames,
): AlignedPair<WithoutId<A>, WithoutId<B>>[] {
  const left = byId(a, names[0]);
  const right = byId(b, names[1]);
  const onlyLeft = [...left.keys()].filter((id) => !right.has(id));
  const onlyRight = [...right.keys()].filter((id) => !left.has(id));
  if (onlyLeft.length || onlyRight.length) {
    const issues: Issue[] = [
      ...onlyLeft.map((id) => ({ path: [names[1]], message: `no item with id "${id}" (it is in ${names[0]})` })),
      ...onlyRight.map((id) => ({ path: [names[0]], message: `no item with id "${id}" (it is in ${names[1]})` })),
    ];
    const parts = [
      onlyLeft.length ? `${names[1]} lacks ${onlyLeft.length} id(s) of ${names[0]}: ${listIds(onlyLeft)}` : '',
      onlyRight.length ? `${names[0]} lacks ${onlyRight.length} id(s) of ${names[1]}: ${listIds(onlyRight)}` : '',
    ].filter(Boolean);
    throw new InputError(`${names[0]} and ${names[1]} must cover the same ids; ${parts.join('; ')}`, { issues });
  }
  return [...left].map(([id, item]) => {
    const other = right.get(id)!;
    return { id, a: item, b: other, aThemes: new Set(item.themes), bThemes: new Set(other.themes) };
  });
}

/**
 * The themes to score: `explicit` when given (every theme used by either side
 * must be in it), else the union of both sides sorted by code unit.
 * @throws InputError `UNKNOWN_THEME` naming the ids whose themes are not listed.
 */
export function resolveThemes(pairs: readonly AlignedPair<unknown, unknown>[], explicit: readonly string[] | undefined, names: SideNames): string[] {
  if (explicit === undefined) {
    const union = new Set<string>();
    for (const p of pairs) {
      for (const t of p.aThemes) union.add(t);
      for (const t of p.bThemes) union.add(t);
    }
    return [...union].sort();
  }
  if (new Set(explicit).size !== explicit.length) throw new InputError('the themes option lists a theme twice', { code: 'INVALID_OPTIONS' });
  const known = new Set(explicit);
  const issues: Issue[] = [];
  for (const p of pairs) {
    for (const [side, set] of [[names[0], p.aThemes], [names[1], p.bThemes]] as const) {
      for (const t of set) if (!known.has(t)) issues.push({ path: [side, p.id], message: `theme "${t}" is not one of ${explicit.join(', ')}` });
    }
  }
  if (issues.length) {
    throw new InputError(`${issues.length} theme label(s) outside the evaluated themes (${explicit.join(', ')})`, { code: 'UNKNOWN_THEME', issues });
  }
  return [...explicit];
}

/** First characters of a text, cut at a word boundary, with an ellipsis when cut. */
export function excerptOf(text: string, maxLength: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function byId<T extends { readonly id?: string | undefined }>(items: ItemsById<T>, name: string): Map<string, WithoutId<T>> {
  const out = new Map<string, WithoutId<T>>();
  const issues: Issue[] = [];
  const checkThemes = (item: WithoutId<T>, key: string | number): boolean => {
    const themes = (item as { themes?: unknown } | undefined)?.themes;
    if (Array.isArray(themes) && themes.every((t) => typeof t === 'string')) return true;
    issues.push({ path: [name, key, 'themes'], message: 'expected an array of theme ids' });
    return false;
  };
  if (isMap(items)) {
    for (const [id, item] of items) if (checkThemes(item, id)) out.set(id, item);
  } else {
    items.forEach((item, i) => {
      if (typeof item?.id !== 'string' || !item.id) issues.push({ path: [name, i, 'id'], message: 'missing id' });
      else if (out.has(item.id)) issues.push({ path: [name, i, 'id'], message: `duplicate id "${item.id}"` });
      else if (checkThemes(item, i)) out.set(item.id, item);
    });
  }
  if (issues.length) throw new InputError(`${name}: every item needs a unique id and a themes array`, { issues });
  return out;
}

function isMap<T extends { readonly id?: string | undefined }>(items: ItemsById<T>): items is ReadonlyMap<string, WithoutId<T>> {
  return items instanceof Map;
}

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, SHOWN_IDS).map((id) => `"${id}"`).join(', ');
  return ids.length > SHOWN_IDS ? `${shown} and ${ids.length - SHOWN_IDS} more` : shown;
}
