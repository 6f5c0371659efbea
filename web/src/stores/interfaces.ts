// The monitored interfaces and the one the user looks at (App.vue keeps it in
// the URL's `ifid` when there are several, so views can be bookmarked).
import { reactive } from 'vue';
import { get } from '../api/client';

export interface MonitoredInterface {
  ifid: number;
  ifname: string;
  name: string;
}

export const interfaces = reactive({
  list: [] as MonitoredInterface[],
  current: 0,
  error: '',
  async load() {
    try {
      this.list = await get<MonitoredInterface[]>('get/ntopng/interfaces.lua');
      if (this.list.length && !this.list.some((i) => i.ifid === this.current)) this.current = this.list[0].ifid;
      this.error = '';
    } catch (e) {
      this.error = (e as Error).message;
    }
  },
});
