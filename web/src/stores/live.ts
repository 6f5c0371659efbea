// The latest live-feed message of the interface being looked at: the top bar
// keeps the one WebSocket open and puts each message here for any page.
import { reactive } from 'vue';
import type { LiveNumbers } from '../api/live';

export const live = reactive({ numbers: null as LiveNumbers | null });
