// What an input box says about a value, from the issues the validation rules found: the worst severity's messages.
// Pure: no `vscode` import.
import type { Issue } from '../validation/types';
import type { StepMessage } from './prompter';

/**
 * The finding to show for a value: the first error, else the first warning, else the first info. The validation
 * messages already name the offending part (a character's position, the tag pair), so they are shown as they are.
 */
export function firstIssue(issues: readonly Issue[]): StepMessage | undefined {
  const issue =
    issues.find((i) => i.severity === 'error') ??
    issues.find((i) => i.severity === 'warning') ??
    issues.find((i) => i.severity === 'info');
  if (!issue) return undefined;
  return { message: issue.message, severity: issue.severity };
}

/**
 * The message an input box shows for a value: every issue of the worst severity found, joined (each is a sentence
 * naming its part), as the plan checker lists each of them; none when the value is fine.
 */
export function issuesMessage(issues: readonly Issue[]): StepMessage | undefined {
  const worst = firstIssue(issues);
  if (!worst) return undefined;
  const same = issues.filter((i) => i.severity === worst.severity).map((i) => i.message);
  return { message: [...new Set(same)].join(' '), severity: worst.severity };
}
