import type { Severity } from '@viplane/validator';
import { IconError, IconInfo, IconWarning } from '../components/icons.tsx';

export function SeverityIcon({ severity }: { severity: Severity }) {
  const Icon = severity === 'error' ? IconError : severity === 'warning' ? IconWarning : IconInfo;
  return <Icon className={`sev-icon ${severity}`} aria-label={severity} />;
}
