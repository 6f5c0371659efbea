// A button's or form's action: `busy` while it runs (to disable the control),
// `error` with the server's reason when it fails, cleared on the next try.
import { ref } from 'vue';

export function useAction() {
  const busy = ref(false);
  const error = ref('');
  /** Runs `fn`; true when it succeeded. */
  async function run(fn: () => Promise<void>): Promise<boolean> {
    error.value = '';
    busy.value = true;
    try {
      await fn();
      return true;
    } catch (e) {
      error.value = (e as Error).message;
      return false;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}
