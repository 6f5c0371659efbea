// IP protocol numbers → names, from the server's own table
// (get/l4/protocol/consts.lua), asked once per page load: it never changes
// while wirelens runs.
import { get } from '../../api/client';

interface L4Const {
  name: string;
  id: number;
}

let names: Promise<Map<number, string>> | null = null;

export function l4Names(): Promise<Map<number, string>> {
  names ??= get<L4Const[]>('get/l4/protocol/consts.lua')
    .then((list) => new Map(list.filter((p) => p.id >= 0).map((p) => [p.id, p.name])))
    .catch((e) => {
      names = null; // a failed answer is asked again on the next refresh
      throw e;
    });
  return names;
}

export function l4Name(map: Map<number, string>, id: number): string {
  return map.get(id) ?? `IP protocol ${id}`;
}
