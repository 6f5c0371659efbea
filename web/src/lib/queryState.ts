// Page state kept in the URL's query string, so a filtered, sorted view can
// be bookmarked and shared: reading falls back to the defaults, writing
// drops values equal to their default (short URLs) and replaces the history
// entry (filters do not flood the back button).
import { computed, type ComputedRef } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';

export type QueryDefaults = Record<string, string>;

/** The query values with defaults applied (pure: tested without a router). */
export function readQuery<T extends QueryDefaults>(query: LocationQuery, defaults: T): T {
  const out = { ...defaults };
  for (const k of Object.keys(defaults) as (keyof T)[]) {
    const v = query[k as string];
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === 'string') out[k] = s as T[keyof T];
  }
  return out;
}

/** The query after a change: defaults and empty values left out, other keys kept. */
export function writeQuery<T extends QueryDefaults>(query: LocationQuery, defaults: T, change: Partial<T>): LocationQuery {
  const out: LocationQuery = { ...query };
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined || v === '' || v === defaults[k]) delete out[k];
    else out[k] = v;
  }
  return out;
}

export function useQueryState<T extends QueryDefaults>(defaults: T): { state: ComputedRef<T>; set: (c: Partial<T>) => void } {
  const route = useRoute();
  const router = useRouter();
  const state = computed(() => readQuery(route.query, defaults));
  const set = (change: Partial<T>) => {
    router.replace({ query: writeQuery(route.query, defaults, change) });
  };
  return { state, set };
}
