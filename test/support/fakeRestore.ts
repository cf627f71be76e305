// A fake RestoreSupport for the restore flow's and the restorer's tests: a form of every field kind (a name checked
// on Enter, a number with a default from the snapshot, a choice read "from AWS", a toggle asked only for one choice),
// tags, one call built from the answers, and a scripted send. Every prepare and send is recorded. No AWS.
import type { RestoreSupport } from '../../src/services/restore';
import type { FormField, OperationForm, FormInput, FormResult } from '../../src/services/forms';
import { notAvailableReason } from '../../src/services/restore';
import type { AwsContext, Resource, Snapshot } from '../../src/services/service';
import type { Issue, TagRules } from '../../src/validation/types';

const error = (message: string): Issue[] => [{ severity: 'error', message }];

export const fakeTagRules: TagRules = {
  maxTags: 3,
  validateKey: (key) => (key.startsWith('aws:') ? error('aws: is reserved') : []),
  validateValue: () => [],
};

export interface FakeRestore extends RestoreSupport {
  readonly prepared: Array<{ ctx: AwsContext; snapshot: Snapshot; source: Resource | undefined }>;
  readonly sent: FormInput[];
  /** What send does (default: a creating resource named after the answer). */
  answer: (input: FormInput) => Promise<FormResult>;
  /** Makes prepare fail. */
  prepareError?: unknown;
  /** Names an on-Enter check refuses. */
  taken: Set<string>;
}

export function fakeRestore(): FakeRestore {
  const fields: FormField[] = [
    {
      key: 'name',
      kind: 'text',
      label: 'Name',
      prompt: '1–10 lowercase letters',
      placeholder: 'e.g. restored',
      required: true,
      validate: (value) => (/^[a-z]{1,10}$/.test(value) ? [] : error('Use 1–10 lowercase letters.')),
      accept: async (value) => (support.taken.has(value) ? `A resource named "${value}" exists.` : undefined),
    },
    {
      key: 'size',
      kind: 'number',
      label: 'Size',
      prompt: 'GiB, at least 10',
      placeholder: 'e.g. 20',
      required: false,
      defaultValue: { value: '20', source: "the snapshot's" },
      validate: (value) => (/^\d+$/.test(value) && Number(value) >= 10 ? [] : error('At least 10 GiB.')),
    },
    {
      key: 'mode',
      kind: 'choice',
      label: 'Mode',
      prompt: 'how to store it',
      placeholder: '',
      required: true,
      defaultValue: { value: 'cached', source: "the source's" },
      validate: () => [],
      choices: async () => [
        { label: 'cached', value: 'cached' },
        { label: 'stored', value: 'stored' },
        { label: 'tape', value: 'tape', disabledReason: 'tapes cannot take volumes' },
      ],
    },
    {
      key: 'keep',
      kind: 'toggle',
      label: 'Keep data',
      prompt: 'keep what is on the disk',
      placeholder: '',
      required: true,
      defaultValue: { value: 'false', source: "the API's default" },
      when: (values) => values.mode === 'stored',
      validate: () => [],
    },
  ];
  const support: FakeRestore = {
    operation: 'RestoreFake',
    iamActions: ['fake:RestoreFake', 'fake:TagResource'],
    makes: 'volume',
    prepared: [],
    sent: [],
    taken: new Set(),
    refusal: notAvailableReason,
    answer: async (input) => ({
      id: `new-${input.values.name ?? ''}`,
      name: input.values.name ?? '',
      state: 'creating',
      status: 'CREATING',
    }),
    async prepare(ctx, snapshot, source): Promise<OperationForm> {
      support.prepared.push({ ctx, snapshot, source });
      if (support.prepareError !== undefined) throw support.prepareError;
      const form: OperationForm = {
        fields,
        tags: fakeTagRules,
        defaultTags: [{ key: 'team', value: 'data' }],
        nameField: 'name',
        calls: (input) => [
          {
            operation: 'RestoreFake',
            input: {
              SnapshotId: snapshot.id,
              Name: input.values.name,
              Size: input.values.size ? Number(input.values.size) : undefined,
              Mode: input.values.mode,
              Keep: input.values.keep === undefined ? undefined : input.values.keep === 'true',
              Tags: input.tags.map((t) => ({ Key: t.key, Value: t.value })),
              ClientToken: input.clientToken,
            },
          },
        ],
        send: async (input) => {
          support.sent.push(input);
          return support.answer(input);
        },
      };
      return form;
    },
    explainError: (facts, c) =>
      facts.code === 'NameTaken'
        ? `A volume named "${c.newName}" exists in ${c.region}. Choose another name.`
        : undefined,
  };
  return support;
}
