/**
 * The public API, one report per entry of package.json `exports` that has types (API Extractor, on the
 * built `.d.ts`): `api/<entry>.api.md`. `npm run api` (after `npm run build`) rewrites the reports;
 * `npm run api:check` (in `npm test`) fails on any difference and prints it, so a change of the public
 * surface is a visible diff in review.
 */
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const update = !process.argv.includes('--check');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; exports: Record<string, string | { types?: string }> };
const entries = Object.entries(pkg.exports)
  .map(([entry, target]) => [entry, typeof target == 'string' ? undefined : target.types] as const)
  .filter((pair): pair is readonly [string, string] => !!pair[1]);

const scratch = join('node_modules', '.cache', 'api-report');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
const reportName = (entry: string) => (entry == '.' ? 'index' : entry.slice(2).replaceAll('/', '-'));
const configs = entries.map(([entry, types]) => {
  const name = reportName(entry);
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: process.cwd(),
      mainEntryPointFilePath: join(process.cwd(), types),
      compiler: { tsconfigFilePath: join(process.cwd(), 'tsconfig.build.json') },
      apiReport: { enabled: true, reportFolder: join(process.cwd(), 'api'), reportTempFolder: join(process.cwd(), scratch), reportFileName: `${name}.api.md` },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
          // Names a user never sees in a signature are listed, not required to be exported.
          'ae-forgotten-export': { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
          'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(process.cwd(), 'package.json'),
  });
});
// One TypeScript program for every entry (API Extractor's way for a package of many entry points): one
// compile of the project instead of one per entry, which was most of this script's time.
const compilerState = CompilerState.create(configs[0]!, { additionalEntryPoints: configs.map((config) => config.mainEntryPointFilePath) });
let changed = 0;
for (const [i, [entry]] of entries.entries()) {
  const name = reportName(entry);
  const result = Extractor.invoke(configs[i]!, { compilerState, localBuild: update, showVerboseMessages: false, messageCallback: (message) => {
    if (message.logLevel == ExtractorLogLevel.Warning && message.category != 'Extractor') console.warn(`${entry}: ${message.text}`);
    message.handled = true;
  } });
  if (result.apiReportChanged) {
    changed++;
    const committed = join('api', `${name}.api.md`);
    const fresh = join(scratch, `${name}.api.md`);
    if (!update) {
      console.error(`\nThe public API of login-elements${entry == '.' ? '' : entry.slice(1)} changed (npm run api updates ${committed}):`);
      if (existsSync(committed)) {
        try {
          execFileSync('git', ['diff', '--no-index', '--no-color', committed, fresh], { stdio: 'inherit' });
        } catch {
          // git diff exits 1 when the files differ: the diff is already printed.
        }
      } else console.error(`${committed} is missing`);
    }
  }
}
if (update) console.log(`${entries.length} API reports in api/ (${changed} changed)`);
else if (changed) process.exit(1);
else console.log(`The public API matches api/ (${entries.length} entries)`);
