// The interface's own clock (the live feed's `clock`: the time of its latest
// packet) as "now" for durations like "seen since". Reading a capture file,
// that is the file's time, so a host first seen 20 s before the end of the
// capture reads "20 s" and not years; on live traffic it is the wall clock.
// Until the feed's first message for this interface, 0: callers fall back to
// the browser's clock.
import { computed, type ComputedRef } from 'vue';
import { live } from '../../stores/live';

export function useInterfaceClock(ifid: () => number): ComputedRef<number> {
  return computed(() => (live.numbers && live.numbers.ifid === ifid() ? live.numbers.clock : 0));
}
