// The dev server shows the content check's problems only while they are the verdict on the content as it is
// (src/lib/content-check/check-verdicts.ts): a page that Astro reloads after an edit, before the check of that edit
// ends, must not get the problems of the check before it. In one CI run in six the fixed article came back under the
// stale overlay ("An error occurred.") until the check's own reload.
import { describe, expect, test } from 'vitest';
import type { CheckResult } from '../../src/lib/content-check/check-content.ts';
import { CheckVerdicts, type Step } from '../../src/lib/content-check/check-verdicts.ts';
import { formatReport, SECTIONS, type Problem } from '../../src/lib/content-check/problem.ts';

const problem = (message: string): Problem => ({
  file: 'content/articles/example.md',
  line: 9,
  column: 12,
  rule: 'quote-not-found',
  message,
  fix: 'Copy the passage exactly as the article shows it.',
  section: SECTIONS.quote,
});
const broken: CheckResult = { filesChecked: 3, problems: [problem('note "a": the quote matches nothing')] };
const otherwiseBroken: CheckResult = { filesChecked: 3, problems: [problem('note "b": the quote matches nothing')] };
const clean: CheckResult = { filesChecked: 3, problems: [] };

/** One thing that happens in a running dev server: an edit, a check asked for (named), or that check's result. */
type Event = { edit: true } | { ask: string } | { result: string; of: CheckResult };

/** Plays the events; what each result led to, and what a page connecting at the end is shown. */
function play(startup: CheckResult | undefined, events: Event[]): { steps: Step['kind'][]; printed: boolean[]; shown: CheckResult | undefined } {
  const verdicts = new CheckVerdicts(startup);
  const asked = new Map<string, number>();
  const steps: Step['kind'][] = [];
  const printed: boolean[] = [];
  for (const event of events) {
    if ('edit' in event) verdicts.edited();
    else if ('ask' in event) asked.set(event.ask, verdicts.asking());
    else {
      const step = verdicts.checked(asked.get(event.result)!, event.of);
      steps.push(step.kind);
      if (step.kind === 'problems') {
        printed.push(step.print);
        expect(step.report).toBe(formatReport(event.of.filesChecked, event.of.problems));
      }
    }
  }
  return { steps, printed, shown: verdicts.toShow() };
}

describe('when the dev server shows the content check’s problems', () => {
  test.each<[string, CheckResult | undefined, Event[], Step['kind'][], CheckResult | undefined]>([
    ['start-up problems, no edit yet: shown to a page that connects', broken, [], [], broken],
    ['start-up clean: nothing to show', clean, [], [], undefined],
    ['the start-up check failed: nothing to show until a check ends', undefined, [], [], undefined],
    ['problems, then an edit not checked yet (Astro reloads the page meanwhile): not shown', broken, [{ edit: true }], [], undefined],
    ['problems, an edit, its check asked but still running: not shown', broken, [{ edit: true }, { ask: 'fix' }], [], undefined],
    [
      'problems, an edit that fixes them: the pages reload, nothing is shown',
      broken,
      [{ edit: true }, { ask: 'fix' }, { result: 'fix', of: clean }],
      ['fixed'],
      undefined,
    ],
    [
      'problems, an edit that does not fix them: shown again once checked',
      broken,
      [{ edit: true }, { ask: 'other' }, { result: 'other', of: broken }],
      ['problems'],
      broken,
    ],
    ['a clean corpus checked again clean: nothing happens', clean, [{ edit: true }, { ask: 'again' }, { result: 'again', of: clean }], ['clean'], undefined],
    [
      'a check that started before the fix ends after it: no verdict, the fix’s own check is',
      clean,
      [{ edit: true }, { ask: 'break' }, { edit: true }, { result: 'break', of: broken }, { ask: 'fix' }, { result: 'fix', of: clean }],
      ['outdated', 'clean'],
      undefined,
    ],
    [
      'an edit while the check of a breaking edit runs: its problems wait for the next check',
      clean,
      [{ edit: true }, { ask: 'break' }, { edit: true }, { result: 'break', of: broken }],
      ['outdated'],
      undefined,
    ],
    [
      'a break then a fix, both checked in turn: the problems, then the reload',
      clean,
      [{ edit: true }, { ask: 'break' }, { result: 'break', of: broken }, { edit: true }, { ask: 'fix' }, { result: 'fix', of: clean }],
      ['problems', 'fixed'],
      undefined,
    ],
    ['a result after a failed start-up check is the verdict', undefined, [{ ask: 'first' }, { result: 'first', of: broken }], ['problems'], broken],
  ])('%s', (_name, startup, events, steps, shown) => {
    const played = play(startup, events);
    expect(played.steps).toEqual(steps);
    expect(played.shown).toBe(shown);
  });

  test.each<[string, CheckResult | undefined, CheckResult[], boolean[]]>([
    ['the same problems again are not printed again', broken, [broken], [false]],
    ['other problems are printed', broken, [otherwiseBroken], [true]],
    ['problems after a clean check are printed', clean, [broken], [true]],
    ['problems after a failed start-up check are printed', undefined, [broken], [true]],
    ['the same problems after a fix are printed again', broken, [clean, broken], [true]],
  ])('%s', (_name, startup, results, printed) => {
    const events: Event[] = results.flatMap((of, i) => [{ edit: true } as const, { ask: `${i}` }, { result: `${i}`, of }]);
    expect(play(startup, events).printed).toEqual(printed);
  });
});
