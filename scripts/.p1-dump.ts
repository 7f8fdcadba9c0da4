import { build as viteBuild, type Rolldown } from 'vite';
import { writeFileSync } from 'node:fs';
import { minifyTemplates } from './minify-literals.js';
const type = process.argv[2] ?? 'google';
const [result] = (await viteBuild({ configFile: false, logLevel: 'warn', plugins: [minifyTemplates()], build: { write: false, minify: true, target: 'es2022', lib: { entry: `dist/elements/${type}-login.js`, formats: ['es'], fileName: () => 'e.js' }, rolldownOptions: { output: { minify: true } } } })) as Rolldown.RolldownOutput[];
const entry = result!.output.find((o): o is Rolldown.OutputChunk => o.type == 'chunk' && o.isEntry)!;
writeFileSync(`/tmp/p1/${type}.js`, entry.code);
