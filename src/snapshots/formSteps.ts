// The steps of a flow that fills a service's operation form (restore, copy) once the form is read: one per field,
// rendered by its kind (an input box for text and numbers, a list for choices, Yes / No for toggles), each prefilled with its
// default and saying where that default came from; the tags; and a review of the exact requests. Pure: no `vscode`.
import type { ApiCall, FormField, OperationForm, FormInput } from '../services/forms';
import { formatTags, parseTags } from '../validation';
import type { Tag } from '../validation/types';
import { tagsInput } from './inputSteps';
import { issuesMessage } from './stepMessages';
import type { Move } from './paletteSteps';
import type { PickItem, Prompter, StepMessage } from './prompter';
import type { FormFlowState, FormRequest, FormStep } from './formState';
import * as l10n from '../l10n';

const text = {
  withDefault: (prompt: string, value: string, source: string) =>
    l10n.t('{0} · default {1}, from {2}', prompt, value, source),
  defaultItem: (source: string) => l10n.t('default, from {0}', source),
  yes: () => l10n.t('Yes'),
  no: () => l10n.t('No'),
  choicesFailed: (reason: string) => l10n.t('Could not read the choices: {0}', reason),
  noChoices: (label: string) => l10n.t('Nothing to choose for {0}: go back, or cancel.', label),
  cancel: () => l10n.t('Cancel'),
  goBack: () => l10n.t('Enter: change this value'),
  review: (operation: string, verb: string) =>
    l10n.t(
      'Check the exact request{0} ({1}), then {2}',
      operation.includes(',') ? 's' : '',
      operation,
      verb.toLowerCase(),
    ),
  left: () => l10n.t('left out (AWS default)'),
};

/** The fields asked for these values (a field's `when` may depend on earlier answers). */
export function askedFields(form: OperationForm, values: Readonly<Record<string, string>>): FormField[] {
  return form.fields.filter((field) => field.when?.(values) ?? true);
}

/** The finding for a value: none for an optional field left empty, else every issue of the worst severity. */
export function fieldMessage(
  field: FormField,
  value: string,
  values: Readonly<Record<string, string>>,
): StepMessage | undefined {
  if (value === '' && !field.required) return undefined;
  return issuesMessage(field.validate(value, values));
}

function initialValue(field: FormField, state: FormFlowState): string {
  return state.values[field.key] ?? field.defaultValue?.value ?? '';
}

function inputStep(prompter: Prompter, field: FormField): FormStep {
  return {
    id: `form:${field.key}`,
    run: async (state, info) => {
      const answer = await prompter.input({
        ...info,
        id: `form:${field.key}`,
        value: initialValue(field, state),
        prompt: field.defaultValue
          ? text.withDefault(field.prompt, field.defaultValue.value, field.defaultValue.source)
          : field.prompt,
        placeholder: field.placeholder,
        ...(field.defaultValue?.value ? { suggestion: field.defaultValue.value } : {}),
        validate: (value) => fieldMessage(field, value, state.values),
        accept:
          field.accept &&
          ((value, signal) => (value === '' ? Promise.resolve(undefined) : field.accept!(value, signal, state.values))),
      });
      if (answer.kind !== 'value') return answer.kind;
      state.values[field.key] = answer.value;
      return 'next';
    },
  };
}

async function choiceItems(field: FormField, state: FormFlowState, signal: AbortSignal) {
  const mark = (value: string) =>
    field.defaultValue?.value === value ? text.defaultItem(field.defaultValue.source) : undefined;
  if (field.kind === 'toggle') {
    return [
      { label: text.yes(), value: 'true', description: mark('true') },
      { label: text.no(), value: 'false', description: mark('false') },
    ];
  }
  try {
    const choices = (await field.choices?.(state.values, signal)) ?? [];
    const items: PickItem<string | null>[] = choices.map((c) => ({
      label: c.label,
      value: c.value,
      description: [mark(c.value), c.description].filter(Boolean).join(' · ') || undefined,
      detail: c.detail,
      disabledReason: c.disabledReason,
    }));
    if (items.length === 0) {
      const none = text.noChoices(field.label);
      return [{ label: none, value: null, disabledReason: none }];
    }
    return items;
  } catch (error) {
    const reason = text.choicesFailed(error instanceof Error ? error.message : String(error));
    return [{ label: reason, value: null, disabledReason: reason }];
  }
}

function pickStep(prompter: Prompter, field: FormField): FormStep {
  return {
    id: `form:${field.key}`,
    run: async (state, info) => {
      for (;;) {
        const answer = await prompter.pick<string | null>({
          ...info,
          id: `form:${field.key}`,
          placeholder: `${field.label}: ${field.prompt}`,
          activeValue: initialValue(field, state) || undefined,
          items: (signal) => choiceItems(field, state, signal),
        });
        if (answer.kind !== 'value') return answer.kind;
        if (answer.value === null) continue;
        state.values[field.key] = answer.value;
        return 'next';
      }
    },
  };
}

function tagsStep(prompter: Prompter, form: OperationForm): FormStep {
  return {
    id: 'tags',
    run: async (state, info) => {
      if (!form.tags) return 'next';
      const answer = await prompter.input(
        tagsInput(info, form.tags, state.tagsText ?? formatTags(form.defaultTags ?? [])),
      );
      if (answer.kind !== 'value') return answer.kind;
      state.tagsText = answer.value;
      return 'next';
    },
  };
}

/** The input the form's calls are built from: the asked fields' answers and the parsed tags. */
export function formInput(state: FormFlowState, form: OperationForm): FormInput {
  const values: Record<string, string> = {};
  for (const field of askedFields(form, state.values)) {
    values[field.key] = state.values[field.key] ?? field.defaultValue?.value ?? '';
  }
  const tags: Tag[] = form.tags && state.tagsText ? parseTags(state.tagsText, form.tags).tags : [];
  return { values, tags, clientToken: state.clientToken };
}

/** A request member's value as one line: text as is, tag lists as key=value pairs, anything else as JSON. */
export function formatMember(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && 'Key' in v)) {
    return formatTags(
      value.map((v: { Key: unknown; Value?: unknown }) => ({ key: String(v.Key), value: String(v.Value ?? '') })),
    );
  }
  return JSON.stringify(value);
}

/** The review's lines: each call's operation, then each member it sends (undefined members are not sent). */
export interface ReviewLine {
  readonly label: string;
  readonly description: string;
  /** The request member the line shows (absent on an operation's line). */
  readonly member?: string;
}

export function reviewLines(calls: readonly ApiCall[]): ReviewLine[] {
  const lines: ReviewLine[] = [];
  calls.forEach((call, index) => {
    lines.push({
      label: calls.length > 1 ? `${index + 1}. ${call.operation}` : call.operation,
      description: '',
    });
    for (const [member, value] of Object.entries(call.input)) {
      if (value === undefined) continue;
      lines.push({ label: `    ${member}`, description: formatMember(value), member });
    }
  });
  return lines;
}

/** What the review confirms: its button's verb (Restore, Copy). */
export interface ReviewOptions {
  readonly verb: string;
}

function reviewStep(prompter: Prompter, form: OperationForm, options: ReviewOptions): FormStep {
  return {
    id: 'review',
    run: async (state, info): Promise<Move> => {
      state.request = undefined;
      const { service, resource, snapshot } = state;
      if (!service || !resource || !snapshot || !state.profile || !state.region) return 'back';
      const input = formInput(state, form);
      const calls = form.calls(input);
      const operations = calls.map((c) => c.operation).join(', ');
      // A member's line goes back to the step that asked for it (or one step back): Enter on it changes it.
      const asked = new Map(askedFields(form, state.values).map((f) => [f.key.toLowerCase(), f.key]));
      // The calls go to the destination of a copy, else to the snapshot's region.
      const region = state.destination ?? state.region;
      const answer = await prompter.pick<{ readonly action: 'confirm' | 'cancel' | 'back'; readonly field?: string }>({
        ...info,
        id: 'review',
        placeholder: text.review(operations, options.verb),
        items: [
          {
            label: options.verb,
            icon: 'check',
            description: l10n.t('{0} (profile {1}, {2})', operations, state.profile, region),
            value: { action: 'confirm' },
          },
          ...reviewLines(calls).map((line) => {
            const field = line.member ? asked.get(line.member.toLowerCase()) : undefined;
            return { ...line, detail: field ? text.goBack() : undefined, value: { action: 'back' as const, field } };
          }),
          { label: text.cancel(), icon: 'close', value: { action: 'cancel' } },
        ],
      });
      if (answer.kind !== 'value') return answer.kind;
      if (answer.value.action === 'cancel') return 'cancel';
      if (answer.value.action === 'back') {
        state.jumpTo = answer.value.field;
        return 'back';
      }
      const target = { profile: state.profile, region: state.region, service, resource };
      const newName = input.values[form.nameField] ?? '';
      state.request = { target, snapshot, form, input, calls, newName, ...(state.destination ? { region } : {}) };
      return 'next';
    },
  };
}

/** The steps once the form is known; recomputed as answers change (a field's `when`). */
export function formSteps(
  prompter: Prompter,
  state: FormFlowState,
  form: OperationForm,
  options: ReviewOptions,
): FormStep[] {
  const steps = askedFields(form, state.values).map((field) =>
    field.kind === 'text' || field.kind === 'number' ? inputStep(prompter, field) : pickStep(prompter, field),
  );
  if (form.tags) steps.push(tagsStep(prompter, form));
  steps.push(reviewStep(prompter, form, options));
  return steps;
}

/** Every error of the answers, as `label: message` sentences (empty when all are valid). */
export function formInputErrors(request: FormRequest): string[] {
  const { form, input } = request;
  const errors: string[] = [];
  for (const field of askedFields(form, input.values)) {
    const value = input.values[field.key] ?? '';
    if (value === '' && !field.required) continue;
    for (const issue of field.validate(value, input.values)) {
      if (issue.severity === 'error') errors.push(`${field.label}: ${issue.message}`);
    }
  }
  const rules = form.tags;
  if (!rules && input.tags.length) errors.push(l10n.t('Tags: this restore takes no tags.'));
  if (rules && input.tags.length > rules.maxTags) errors.push(l10n.t('Tags: at most {0}.', rules.maxTags));
  for (const tag of rules ? input.tags : []) {
    for (const issue of [...rules!.validateKey(tag.key), ...rules!.validateValue(tag.value)]) {
      if (issue.severity === 'error') errors.push(l10n.t('Tag {0}: {1}', tag.key, issue.message));
    }
  }
  return errors;
}
