// get/host/activity.lua for the ports, peers, DNS and names tabs: each tab
// polls it while shown (one tab at a time, so one request every 5 s).
import { get } from '../../api/client';
import type { Activity } from './hostTypes';
import { usePolled, type Polled } from '../../lib/usePolled';

export function useActivity(props: { ifid: number; host: string }): Polled<Activity> {
  return usePolled(
    () => get<Activity>('get/host/activity.lua', { ifid: props.ifid, host: props.host }),
    () => `${props.ifid}|${props.host}`,
  );
}
