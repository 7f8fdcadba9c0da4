/**
 * What the docs hold that lives elsewhere: the elements' attribute and event tables in
 * docs/elements.md and docs/sessions.md, generated from custom-elements.json (run `npm run build`
 * first), and the quick start's files in README.md, each code block after an
 * `<!-- file: examples/… -->` marker the file itself, byte for byte (a test serves those files and
 * logs in through them). `tsx scripts/docs.ts` rewrites them; `--check` fails on any drift.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

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

// <login-session>'s own tables, for docs/sessions.md.
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

/** `page` with the text between the two markers replaced. */
function replaceBlock(file: string, page: string, name: string, text: string): string {
  const start = `<!-- ${name}:start (generated from custom-elements.json by scripts/docs.ts) -->`;
  const end = `<!-- ${name}:end -->`;
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`${file} lacks the markers ${start} … ${end}`);
  return page.slice(0, from + start.length) + '\n' + text + '\n' + page.slice(to);
}

/** `page` with the code block after each `<!-- file: path -->` marker replaced by that file's text. */
function includeFiles(file: string, page: string): string {
  const included = page.replace(/(<!-- file: (\S+) -->\n```\w*\n)[\s\S]*?(```\n)/g, (_, open: string, path: string, close: string) => open + readFileSync(path, 'utf8') + close);
  // The quick start is whole: every file of examples/quick-start is shown.
  const missing = readdirSync('examples/quick-start', { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative('.', join(entry.parentPath, entry.name)))
    .filter((path) => !page.includes(`<!-- file: ${path} -->`));
  if (missing.length) throw new Error(`${file} does not include ${missing.join(', ')} (<!-- file: path --> before a code block)`);
  return included;
}

const pages: Record<string, (file: string, page: string) => string> = {
  'README.md': includeFiles,
  'docs/elements.md': (file, page) => replaceBlock(file, page, 'api-tables', generated),
  'docs/sessions.md': (file, page) => replaceBlock(file, page, 'session-tables', sessionTables),
};

const drifted: string[] = [];
for (const [file, update] of Object.entries(pages)) {
  const page = readFileSync(file, 'utf8');
  const next = update(file, page);
  if (next === page) continue;
  drifted.push(file);
  if (!process.argv.includes('--check')) writeFileSync(file, next);
}
if (process.argv.includes('--check')) {
  if (drifted.length) {
    console.error(`${drifted.join(', ')}: generated tables or included files differ from custom-elements.json and examples/ — run npm run docs`);
    process.exit(1);
  }
  console.log('Docs match custom-elements.json and examples/');
} else console.log(drifted.length ? `Written: ${drifted.join(', ')}` : 'Docs already up to date');
