// `npm run bench:corpus -- --articles N --out DIR [--events N] [--seed N] [--from DIR]`: writes a benchmark
// corpus of N articles laid out like content/ (articles/, topics/, events/), made from the real articles in
// --from (default: $CONTENT_DIR or ./content). Build it with CONTENT_DIR=DIR. See src/bench/corpus.ts for
// how the corpus is made. Exit codes: 0 written; 1 the content could not be read or the corpus made; 2 usage.
import { parseArgs } from 'node:util';
import { contentDir } from '../lib/deploy-settings.ts';
import { DEFAULT_SEED } from '../bench/corpus.ts';
import { generateCorpus } from '../bench/corpus-files.ts';

const USAGE = `Usage: npm run bench:corpus -- --articles N --out DIR [--events N] [--seed N] [--from DIR]

Writes a deterministic corpus of N articles (the real ones included) to DIR; build it with CONTENT_DIR=DIR.`;

function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`bench:corpus: --${name} must be a whole number, got "${value}".\n${USAGE}\n`);
    process.exit(2);
  }
  return n;
}

let values;
try {
  ({ values } = parseArgs({
    options: { articles: { type: 'string' }, out: { type: 'string' }, events: { type: 'string' }, seed: { type: 'string' }, from: { type: 'string' } },
  }));
} catch (error) {
  process.stderr.write(`bench:corpus: ${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
const articles = count('articles', values.articles);
if (articles === undefined || !values.out) {
  process.stderr.write(`bench:corpus: --articles and --out are required.\n${USAGE}\n`);
  process.exit(2);
}

try {
  const files = await generateCorpus(values.from ?? contentDir(process.env), values.out, {
    articles,
    events: count('events', values.events),
    seed: count('seed', values.seed) ?? DEFAULT_SEED,
  });
  const by = (dir: string) => files.filter((f) => f.path.startsWith(`${dir}/`)).length;
  process.stdout.write(`${values.out}: ${by('articles')} articles, ${by('topics')} topics, ${by('events')} events\n`);
} catch (error) {
  process.stderr.write(`bench:corpus: ${(error as Error).message}\n`);
  process.exit(1);
}
