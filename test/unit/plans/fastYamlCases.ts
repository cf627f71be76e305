// Hand-written plans for the fast reader's tests: `fast` says whether it should read the text itself.
import { makePlan } from '../../../scripts/bench/plan';
import { examplePlan } from '../../../src/plans/example';

export interface EdgeCase {
  readonly text: string;
  readonly fast: boolean;
}

const plan = (...lines: string[]): string => lines.join('\n') + '\n';
const entry = (...lines: string[]): string => plan('snapshots:', '  - service: docdb', ...lines);

export const edgeCases: readonly EdgeCase[] = [
  // In the simple style.
  { fast: true, text: '' },
  { fast: true, text: '# nothing yet\n\n' },
  { fast: true, text: plan('snapshots:', '  - service: docdb # the cluster', '    resource: a   # by id') },
  {
    fast: true,
    text: plan('defaults:', '  profile:', '  region: us-east-1', 'snapshots:', '  - service: docdb', '    resource:'),
  },
  {
    fast: true,
    text: plan(
      'snapshots:',
      '  - service: docdb',
      '    resource: a',
      '  # between',
      '',
      '  - service: docdb',
      '    # inside',
      '    resource: b',
    ),
  },
  { fast: true, text: plan('snapshots:   ', '  - service: docdb   ', '    resource: a  ', '    name:   ') },
  { fast: true, text: 'snapshots:\r\n  - service: docdb\r\n    resource: a # c\r\n    name:\r\n' },
  { fast: true, text: entry('    resource: a#b', '    name: x#{date}', '    prefix: http://x/y:z') },
  { fast: true, text: entry("    resource: 'a: b'", '    description: "x: y # not a comment"') },
  { fast: true, text: entry("    description: 'it''s {date}'", "    name: ''", '    prefix: ""') },
  {
    fast: true,
    text: entry('    resource: é😀', '    tags:', '      équipe: données', '      "k": v'.replace('"k"', 'k2')),
  },
  { fast: true, text: 'snapshots:\n  - service: docdb\n    resource: a' },
  { fast: true, text: 'snapshots:\n  - service: docdb\n    resource: a  # last' },
  { fast: true, text: plan('snapshots:', '- service: docdb', '  resource: a', '- service: docdb', '  resource: b') },
  {
    fast: true,
    text: plan(
      'snapshots:',
      '  - service: docdb',
      '    resource: a',
      '      # deeper',
      '',
      '      # deeper',
      '    # same',
      '  # seq',
      'defaults:',
      '  profile: demo',
    ),
  },
  {
    fast: true,
    text: plan(
      'snapshots:',
      '  - service: docdb',
      '    tags:',
      '      a: b',
      '        # deeper',
      '      # tags',
      '    # entry',
      '  - service: docdb',
    ),
  },
  { fast: true, text: plan('defaults:', '  profile: demo', 'snapshots: []', '  # none yet') },
  { fast: true, text: plan('- service: docdb', '  resource: a') },
  { fast: true, text: plan('  - service: docdb', '    resource: a', '    # trailing') },
  {
    fast: true,
    text: entry('    tags: plain', '    defaults:', '      a: b', '    bogus: 1').replace(/\n$/, '\nextra: x\n'),
  },
  { fast: true, text: entry('    resource: 012', '    name: true', '    description: ~', '    prefix: null') },
  { fast: true, text: plan('snapshots:', '  -   service: docdb', '      resource: a') },
  // Outside it: yaml parses these (and reports their errors).
  { fast: false, text: entry('     resource: a') },
  { fast: false, text: entry('   resource: a') },
  { fast: false, text: plan('snapshots:', '  - service: docdb', 'resource: a', '  - service: docdb') },
  { fast: false, text: plan('snapshots: [{ service: docdb }]') },
  { fast: false, text: entry('    tags: { a: b }') },
  { fast: false, text: entry('    description: |', '      two', '      lines') },
  { fast: false, text: entry('    description: >-', '      folded') },
  { fast: false, text: plan('defaults: &d', '  profile: p', 'snapshots:', '  - service: docdb', '    <<: *d') },
  { fast: false, text: entry('    resource: !!str a') },
  { fast: false, text: entry('    description: two', '      lines') },
  { fast: false, text: plan('snapshots:', '\t- service: docdb') },
  { fast: false, text: entry('    resource: a\t# tab') },
  { fast: false, text: plan('---', 'snapshots:', '  - service: docdb') },
  { fast: false, text: plan('%YAML 1.2', '---', 'snapshots:') },
  { fast: false, text: plan('? snapshots', ': []') },
  { fast: false, text: plan("'snapshots':", '  - service: docdb') },
  { fast: false, text: entry('    description: "a\\tb"') },
  { fast: false, text: entry('    description: "a\\"b"') },
  { fast: false, text: entry('    service: docdb') },
  { fast: false, text: entry('    resource: # later') },
  { fast: false, text: entry('    resource:', '    # later') },
  { fast: false, text: plan('snapshots:', '  -', '    service: docdb') },
  { fast: false, text: plan('snapshots:', '  - - service: docdb') },
  { fast: false, text: entry('    resource: a: b') },
  { fast: false, text: entry('    resource: a:') },
  { fast: false, text: entry("    resource: 'a' b") },
  { fast: false, text: entry("    resource: 'a") },
  { fast: false, text: entry('    resource: -a') },
  { fast: false, text: entry('    resource: *a') },
  { fast: false, text: '\ufeffsnapshots:\n' },
  { fast: false, text: 'snapshots:\r  - service: docdb\r' },
  { fast: false, text: entry('    name:', '      nested: map', '    name2: x').replace('name2: x', 'name2: x\n  - x') },
];

/** Plans for the incremental tests. */
export const planTexts: readonly string[] = [examplePlan, makePlan(200, 50), edgeCases[4]?.text ?? ''];
