// Name templates: `{resource}`, `{date}`, `{time}`, `{timestamp}`, `{profile}`, `{region}`; `{{` and `}}` for braces.
// Dates and times are UTC so a plan expands the same way on every machine. Pure.
import * as l10n from '../l10n';

export const templateVariables = ['resource', 'date', 'time', 'timestamp', 'profile', 'region'] as const;
export type TemplateVariable = (typeof templateVariables)[number];

/** What each variable stands for (completion and hover show it). */
export const templateVariableHelp: Readonly<Record<TemplateVariable, string>> = {
  get resource(): string {
    return l10n.t('The resource as written in the entry (for an ARN, its last segment)');
  },
  get date(): string {
    return l10n.t('The UTC date the plan runs, YYYYMMDD');
  },
  get time(): string {
    return l10n.t('The UTC time the plan runs, HHMM');
  },
  get timestamp(): string {
    return l10n.t('The UTC date and time the plan runs, YYYYMMDD-HHMMSS');
  },
  get profile(): string {
    return l10n.t('The entry’s AWS profile');
  },
  get region(): string {
    return l10n.t('The entry’s AWS region');
  },
};

export interface TemplateContext {
  /** The resource as written in the plan. */
  readonly resource: string;
  readonly profile: string;
  readonly region: string;
  readonly now: Date;
}

export interface TemplateProblem {
  readonly kind: 'unknown-variable' | 'unclosed' | 'stray-close';
  readonly variable?: string;
  /** Offsets into the template text. */
  readonly start: number;
  readonly end: number;
}

export type Expansion =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

/** `{resource}` of an ARN is its last segment (`…:cluster:prod-db` → `prod-db`, `…/volume/vol-1` → `vol-1`). */
export function resourceToken(resource: string): string {
  if (!resource.startsWith('arn:')) return resource;
  const parts = resource.split(/[:/]/);
  return parts[parts.length - 1] || resource;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function templateValues(ctx: TemplateContext): Readonly<Record<TemplateVariable, string>> {
  const d = ctx.now;
  const date = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;
  return {
    resource: resourceToken(ctx.resource),
    date,
    time,
    timestamp: `${date}-${time}${pad(d.getUTCSeconds())}`,
    profile: ctx.profile,
    region: ctx.region,
  };
}

function isVariable(name: string): name is TemplateVariable {
  return (templateVariables as readonly string[]).includes(name);
}

/** Expands a template; every problem is reported with its place, none is silently dropped. */
export function expandTemplate(template: string, ctx: TemplateContext): Expansion {
  if (!template.includes('{') && !template.includes('}')) return { ok: true, value: template };
  const values = templateValues(ctx);
  const problems: TemplateProblem[] = [];
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c === '{' && template[i + 1] === '{') {
      out += '{';
      i += 2;
    } else if (c === '}' && template[i + 1] === '}') {
      out += '}';
      i += 2;
    } else if (c === '{') {
      const close = template.indexOf('}', i + 1);
      const nextOpen = template.indexOf('{', i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        problems.push({ kind: 'unclosed', start: i, end: i + 1 });
        i += 1;
        continue;
      }
      const name = template.slice(i + 1, close).trim();
      if (isVariable(name)) out += values[name];
      else problems.push({ kind: 'unknown-variable', variable: name, start: i, end: close + 1 });
      i = close + 1;
    } else if (c === '}') {
      problems.push({ kind: 'stray-close', start: i, end: i + 1 });
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: out };
}
