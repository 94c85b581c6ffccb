import { parseIp } from '@viplane/model';

export function ip(text: string): boolean {
  return !('error' in parseIp(text));
}
