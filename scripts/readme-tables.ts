/**
 * The README's attribute and event tables, generated from custom-elements.json (run `npm run build`
 * first). `tsx scripts/readme-tables.ts` rewrites them; `--check` fails when the README has drifted.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface Attribute {
  name: string;
  fieldName?: string;
  type?: { text: string };
  default?: string;
  description?: string;
  inheritedFrom?: unknown;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Attribute[];
  members?: { kind: string; name: string; type?: { text: string }; description?: string; privacy?: string; static?: boolean; readonly?: boolean; inheritedFrom?: unknown; parameters?: { name: string; optional?: boolean; default?: string }[] }[];
  events?: { name: string; type?: { text: string }; description?: string }[];
  slots?: { name: string; description?: string }[];
  cssParts?: { name: string; description?: string }[];
  cssProperties?: { name: string; description?: string }[];
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
const base = declarations.find((d) => d.name === 'LoginButton');
const elements = declarations.filter((d) => d.customElement && d.tagName?.endsWith('-login')).sort((a, b) => a.tagName!.localeCompare(b.tagName!));
const session = declarations.find((d) => d.tagName === 'login-session');
/** Every built-in login element: the catalogue's provider types (src/elements/catalogue.ts). */
const types = [...readFileSync('src/elements/catalogue.ts', 'utf8').matchAll(/^ {2}(\w+): \(\) => import\(/gm)].map(([, type]) => type!);
if (!base || elements.length !== types.length || !session) throw new Error(`custom-elements.json lacks LoginButton, one of the ${types.length} login elements or <login-session>: run npm run build`);

const cell = (text = '') => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text?: string) => (text ? `\`${cell(text)}\`` : '—');
const defaultOf = (a: Attribute) => (a.default && a.default !== "''" ? code(a.default) : a.description?.includes('(required)') ? 'required' : '—');

function attributeRows(attributes: Attribute[]): string[] {
  return attributes.map((a) => `| ${code(a.name)} | ${code(a.fieldName)} | ${code(a.type?.text)} | ${defaultOf(a)} | ${cell(a.description)} |`);
}

const header = '| Attribute | Property | Type | Default | Description |\n| --- | --- | --- | --- | --- |';
const params = base.members?.find((m) => m.name === 'params');
const shared = [header, ...attributeRows(base.attributes ?? [])];
if (params) shared.push(`| — | \`params\` | ${code(params.type?.text)} | \`{}\` | ${cell(params.description)} |`);

const extras = elements.flatMap((el) =>
  (el.attributes ?? []).filter((a) => !a.inheritedFrom).map((a) => `| \`<${el.tagName}>\` | ${code(a.name)} | ${code(a.fieldName)} | ${code(a.type?.text)} | ${cell(a.description)} |`),
);

const events = (base.events ?? []).map((e) => `| \`${e.name}\` | ${code(e.type && `CustomEvent<${e.type.text}>`)} | ${cell(e.description)} |`);
const styling = [
  ...(base.cssParts ?? []).map((p) => `| \`::part(${p.name})\` | ${cell(p.description)} |`),
  ...(base.cssProperties ?? []).map((p) => `| \`${p.name}\` | ${cell(p.description)} |`),
  ...(base.slots ?? []).map((s) => `| slot ${s.name ? `\`${s.name}\`` : '(default)'} | ${cell(s.description)} |`),
];

const generated = [
  `### Attributes and properties (all ${elements.length} login elements)`,
  '',
  ...shared,
  '',
  '### Provider-specific attributes',
  '',
  '| Element | Attribute | Property | Type | Description |\n| --- | --- | --- | --- | --- |',
  ...extras,
  '',
  '### Events',
  '',
  'All are `CustomEvent`s that bubble and are composed.',
  '',
  '| Event | Type | Description |\n| --- | --- | --- |',
  ...events,
  '',
  '### Styling hooks',
  '',
  '| Hook | Description |\n| --- | --- |',
  ...styling,
].join('\n');

// <login-session>'s own tables, for the README's Sessions section.
const sessionTables = [
  header,
  ...attributeRows(session.attributes ?? []),
  ...(session.members ?? [])
    .filter((m) => m.kind === 'field' && !m.privacy && !m.static && !(session.attributes ?? []).some((a) => a.fieldName === m.name))
    .map((m) => `| — | ${code(m.name)} | ${code(m.type?.text)} | — | ${m.readonly ? 'Read-only. ' : ''}${cell(m.description)} |`),
  '',
  '| Method | Description |\n| --- | --- |',
  ...(session.members ?? []).filter((m) => m.kind === 'method' && !m.privacy && !m.static).map((m) => `| \`${m.name}(${(m.parameters ?? []).map((p) => p.name + (p.optional || p.default ? '?' : '')).join(', ')})\` | ${cell(m.description)} |`),
  '',
  '| Event, part or slot | Description |\n| --- | --- |',
  ...(session.events ?? []).map((e) => `| \`${e.name}\` (${code(e.type && `CustomEvent<${e.type.text}>`)}) | ${cell(e.description)} |`),
  ...(session.cssParts ?? []).map((p) => `| \`::part(${p.name})\` | ${cell(p.description)} |`),
  ...(session.slots ?? []).map((x) => `| slot \`${x.name}\` | ${cell(x.description)} |`),
].join('\n');

/** `readme` with the text between the two markers replaced. */
function replaceBlock(readme: string, start: string, end: string, text: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  return readme.slice(0, from + start.length) + '\n' + text + '\n' + readme.slice(to);
}

const readme = readFileSync('README.md', 'utf8');
let next = replaceBlock(readme, '<!-- api-tables:start (generated from custom-elements.json by scripts/readme-tables.ts) -->', '<!-- api-tables:end -->', generated);
next = replaceBlock(next, '<!-- session-tables:start (generated from custom-elements.json by scripts/readme-tables.ts) -->', '<!-- session-tables:end -->', sessionTables);

if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md attribute/event tables differ from custom-elements.json: run npm run docs');
    process.exit(1);
  }
  console.log('README tables match custom-elements.json');
} else {
  writeFileSync('README.md', next);
  console.log('README tables written');
}
