// Where a scale test builds: a staged copy of the project (src/bench/build-run.ts), in a folder of its own under
// SCALE_WORK or the system's temporary folder, optionally with the real content copied in as its corpus.
import { cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageProject } from '../../../src/bench/build-run.ts';

/** A fresh staged project in a folder named `name`. */
export function scaleStage(name: string): Promise<string> {
  return stageProject(process.cwd(), join(process.env.SCALE_WORK ?? tmpdir(), name));
}

/** A fresh staged project with the site's own content as its corpus (`<stage>/corpus`). */
export async function stageWithRealContent(name: string): Promise<{ stage: string; content: string }> {
  const stage = await scaleStage(name);
  const content = join(stage, 'corpus');
  await cp('content', content, { recursive: true });
  return { stage, content };
}
