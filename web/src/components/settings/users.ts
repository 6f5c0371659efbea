// Users as get/ntopng/users.lua lists them, and how their access reads in
// the UI. The server spells "every network" as "0.0.0.0/0,::/0" and keeps
// the allowed interface by its capture name (ifname).
import { interfaces } from '../../stores/interfaces';

export type Role = 'administrator' | 'unprivileged';

export interface UserRow {
  username: string;
  full_name: string;
  user_role: Role;
  allowed_networks: string;
  allowed_interface: string;
  allow_alerts: boolean;
  must_change_password: boolean;
  created: number;
}

export const ROLE_NAMES: Record<Role, string> = {
  administrator: 'Administrator',
  unprivileged: 'Non-privileged',
};

const ALL_NETWORKS = new Set(['', '0.0.0.0/0', '::/0']);

/** The networks as the edit form shows them: empty means all. */
export function networksForForm(networks: string): string {
  const list = networks.split(',').map((n) => n.trim()).filter((n) => !ALL_NETWORKS.has(n));
  return list.join(', ');
}

export function networksText(networks: string): string {
  return networksForForm(networks) || 'All networks';
}

/** The interface's display name (the file's or device's short name) when it is monitored. */
export function interfaceText(ifname: string): string {
  if (!ifname) return 'All interfaces';
  return interfaces.list.find((i) => i.ifname === ifname)?.name ?? ifname;
}
