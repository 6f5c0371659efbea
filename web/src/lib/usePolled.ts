// A view's data reloaded every few seconds (usePolling) and at once when what
// it depends on changes (interface, host, filters, page). An answer to an
// older request is dropped, so a slow reply can never overwrite a newer view.
import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import { usePolling } from './polling';

export interface Polled<T> {
  data: ShallowRef<T | null>;
  error: Ref<string>;
  /** The failure itself, for callers that tell "not found" from other errors. */
  failure: ShallowRef<unknown>;
  loading: Ref<boolean>;
  refresh: () => Promise<void>;
}

/**
 * `deps` returns a text key of what the data depends on (a string, so an
 * unrelated change of the URL query does not count as a change).
 * `keep`: on a dependency change keep showing the previous data until the
 * new answer arrives (tables changing page or sort do not flash empty).
 */
export function usePolled<T>(fetcher: () => Promise<T>, deps: () => string, options: { ms?: number; keep?: boolean } = {}): Polled<T> {
  const data = shallowRef<T | null>(null);
  const error = ref('');
  const failure = shallowRef<unknown>(null);
  const loading = ref(true);
  let generation = 0;

  async function load() {
    const mine = generation;
    try {
      const v = await fetcher();
      if (mine !== generation) return;
      data.value = v;
      error.value = '';
      failure.value = null;
    } catch (e) {
      if (mine !== generation) return;
      error.value = (e as Error).message || 'The request failed.';
      failure.value = e;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  const { refresh } = usePolling(load, options.ms ?? 5000);

  watch(deps, async () => {
    generation++;
    loading.value = true;
    error.value = '';
    failure.value = null;
    if (!options.keep) data.value = null;
    // refresh() joins a request still in flight: that one is now stale and
    // ignored, so ask again once it is over.
    await refresh();
    if (loading.value) await refresh();
  });

  return { data, error, failure, loading, refresh };
}
