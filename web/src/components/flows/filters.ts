// The flows page's URL state: filters (named as get/flow/active.lua's
// parameters, so a URL reads like the API call), sorting and paging.
import { l4Name } from './types';

export const FLOW_QUERY_DEFAULTS = {
  host: '',
  port: '',
  application: '',
  category: '',
  l4proto: '',
  version: '',
  flowhosts_type: '',
  alert_type: '',
  flow_info: '',
  sortColumn: 'bytes',
  sortOrder: 'desc',
  page: '1',
  perPage: '25',
};

export type FlowQuery = typeof FLOW_QUERY_DEFAULTS;
export type FilterName = 'host' | 'port' | 'application' | 'category' | 'l4proto' | 'version' | 'flowhosts_type'
  | 'alert_type' | 'flow_info';

export const FILTER_NAMES: FilterName[] = [
  'host', 'port', 'application', 'category', 'l4proto', 'version', 'flowhosts_type', 'alert_type', 'flow_info',
];

export const DIRECTIONS: [string, string][] = [
  ['local_only', 'Local only'],
  ['remote_only', 'Remote only'],
  ['local_origin_remote_target', 'Local → remote'],
  ['remote_origin_local_target', 'Remote → local'],
];

export const STATUSES: [string, string][] = [
  ['normal', 'Normal'],
  ['alerted', 'Alerted'],
];

const label = (pairs: [string, string][], v: string) => pairs.find(([k]) => k === v)?.[1] ?? v;

/** The text of an active filter's chip ("Application: DNS"). */
export function chipText(name: FilterName, value: string): string {
  switch (name) {
    case 'host': return `Host: ${value}`;
    case 'port': return `Port: ${value}`;
    case 'application': return `Application: ${value}`;
    case 'category': return `Category: ${value}`;
    case 'l4proto': return `L4: ${/^\d+$/.test(value) ? l4Name(Number(value)) : value}`;
    case 'version': return `IPv${value}`;
    case 'flowhosts_type': return `Direction: ${label(DIRECTIONS, value)}`;
    case 'alert_type': return `Status: ${label(STATUSES, value)}`;
    case 'flow_info': return `Info contains “${value}”`;
  }
}

/** "12" → 12, garbage or out of range → the fallback (URLs are typed by hand). */
export function positiveInt(s: string, fallback: number): number {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}
