// What the Marketplace shows: a 128×128 PNG icon, banner, links, categories from VS Code's list and at most 30
// keywords; and the Getting Started walkthrough, whose media files exist and whose buttons and completion events name
// commands, views and settings the extension contributes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string | Record<string, string>; svg?: string; altText?: string };
  completionEvents?: string[];
}
interface Manifest {
  icon?: string;
  galleryBanner?: { color?: string; theme?: string };
  repository?: { type?: string; url?: string };
  bugs?: { url?: string };
  homepage?: string;
  qna?: string;
  categories?: string[];
  keywords?: string[];
  contributes: {
    commands: Array<{ command: string }>;
    views: Record<string, Array<{ id: string }>>;
    configuration: { properties: Record<string, unknown> };
    walkthroughs?: Array<{ id: string; title: string; description: string; steps: Step[] }>;
  };
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const text = (value: string) => nls[/^%([\w.]+)%$/.exec(value)?.[1] ?? ''] ?? value;

/** VS Code's allowed categories (vsce rejects others). */
const allowedCategories = [
  'Azure',
  'Data Science',
  'Debuggers',
  'Education',
  'Extension Packs',
  'Formatters',
  'Keymaps',
  'Language Packs',
  'Linters',
  'Machine Learning',
  'Notebooks',
  'Programming Languages',
  'SCM Providers',
  'Snippets',
  'Testing',
  'Themes',
  'Visualization',
  'Other',
];

test('the icon is a 128×128 PNG, drawn by scripts/generate-icon.mjs', () => {
  assert.equal(manifest.icon, 'media/icon.png');
  const png = readFileSync(path.join(root, manifest.icon));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.toString('ascii', 12, 16), 'IHDR');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  const again = path.join(mkdtempSync(path.join(tmpdir(), 'icon-')), 'icon.png');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'generate-icon.mjs'), again], { stdio: 'ignore' });
  assert.ok(readFileSync(again).equals(png), 'media/icon.png is what scripts/generate-icon.mjs draws');
});

test('banner, links, categories and keywords are set as the Marketplace reads them', () => {
  assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9A-Fa-f]{6}$/);
  assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme ?? ''), 'galleryBanner.theme is dark or light');
  const repo = 'https://github.com/snapshot-explorer/snapshot-explorer-aws';
  assert.deepEqual(manifest.repository, { type: 'git', url: `${repo}.git` });
  assert.equal(manifest.bugs?.url, `${repo}/issues`);
  assert.ok(manifest.homepage?.startsWith(repo), 'homepage');
  assert.ok(manifest.qna?.startsWith('https://'), 'qna');
  assert.ok((manifest.categories ?? []).length > 0);
  assert.deepEqual(
    (manifest.categories ?? []).filter((c) => !allowedCategories.includes(c)),
    [],
    'categories VS Code does not know',
  );
  const keywords = manifest.keywords ?? [];
  assert.ok(keywords.length <= 30, `at most 30 keywords (vsce fails above), not ${keywords.length}`);
  assert.equal(new Set(keywords).size, keywords.length, 'no keyword twice');
  for (const word of ['aws', 'snapshot', 'backup', 'neptune', 'documentdb', 'storage gateway', 'simspace weaver']) {
    assert.ok(keywords.includes(word), `keyword ${word}`);
  }
});

test('the Getting Started walkthrough opens the view, chooses profiles and regions, takes a snapshot and writes a plan', () => {
  const walkthroughs = manifest.contributes.walkthroughs ?? [];
  assert.equal(walkthroughs.length, 1);
  const [walkthrough] = walkthroughs;
  assert.equal(walkthrough!.id, 'snapshotExplorer.gettingStarted');
  assert.ok(text(walkthrough!.title).length > 0 && text(walkthrough!.description).length > 0);
  const events = walkthrough!.steps.map((s) => s.completionEvents ?? []);
  assert.deepEqual(
    walkthrough!.steps.map((s) => s.id),
    ['openView', 'chooseProfilesAndRegions', 'takeSnapshot', 'writePlan'],
  );
  assert.ok(events[0]!.includes('onView:snapshotExplorer.resources'));
  assert.ok(events[1]!.includes('onCommand:snapshotExplorer.chooseRegions'));
  assert.ok(events[2]!.includes('onCommand:snapshotExplorer.createSnapshot'));
  assert.ok(events[3]!.includes('onCommand:snapshotExplorer.newPlan'));
});

test("every step's media file exists, and its buttons and completion events name what the extension contributes", () => {
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));
  const views = new Set(Object.values(manifest.contributes.views).flatMap((list) => list.map((v) => v.id)));
  const settings = Object.keys(manifest.contributes.configuration.properties);
  /** Built-in commands a step may use: open the view container, open the settings. */
  const builtIn = new Set(['workbench.view.extension.snapshotExplorer', 'workbench.action.openSettings']);
  for (const step of manifest.contributes.walkthroughs?.[0]?.steps ?? []) {
    const media = [step.media.markdown, step.media.svg, step.media.image].flatMap((m) =>
      typeof m === 'object' ? Object.values(m) : m === undefined ? [] : [m],
    );
    assert.ok(media.length > 0, `${step.id} has media`);
    for (const file of media) assert.ok(existsSync(path.join(root, file)), `${step.id}: ${file} exists`);
    const description = text(step.description);
    const links = [...description.matchAll(/\(command:([\w.-]+)/g)].map((m) => m[1]!);
    assert.ok(links.length > 0, `${step.id} has a button`);
    for (const id of links) assert.ok(commands.has(id) || builtIn.has(id), `${step.id}: command ${id} exists`);
    for (const event of step.completionEvents ?? []) {
      const [kind, name = ''] = event.split(/:(.*)/s);
      if (kind === 'onCommand') assert.ok(commands.has(name), `${step.id}: ${event} names a contributed command`);
      else if (kind === 'onView') assert.ok(views.has(name), `${step.id}: ${event} names a contributed view`);
      else if (kind === 'onSettingChanged') {
        assert.ok(
          settings.some((s) => s === name || s.startsWith(`${name}.`)),
          `${step.id}: ${event} names a setting`,
        );
      } else assert.fail(`${step.id}: a completion event the test does not know: ${event}`);
    }
  }
});
