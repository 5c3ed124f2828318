// When the dev server's content check may speak to the browser. After an edit the check runs again on a worker
// (check-in-worker.ts), which takes a while; meanwhile Astro's content layer has already reloaded the file and the
// open pages. A page that connected then was shown the problems of the check before the edit: after a fix, the
// fixed article came back under an overlay titled "An error occurred." until the check's own reload. So problems are
// shown only while they are the verdict on the content as it is: from an edit until a check started after it ends,
// there is none, and a check that started before the latest edit is no verdict (the check that follows it is).
import type { CheckResult } from './check-content.ts';
import { formatReport } from './problem.ts';

/** What the dev server does with a check's result. */
export type Step =
  /** An edit came while it ran: nothing (the next check's result follows). */
  | { kind: 'outdated' }
  /** Problems: show them to every page; print the report when it differs from the last one printed. */
  | { kind: 'problems'; report: string; print: boolean }
  /** The problems are gone: print the summary and reload the pages. */
  | { kind: 'fixed' }
  /** No problems before, none now. */
  | { kind: 'clean' };

export class CheckVerdicts {
  /** How many edits the dev server has seen. */
  #edits = 0;
  /** The latest result that was a verdict, and how many edits it covers. */
  #latest: CheckResult | undefined;
  #covers = 0;

  /** `startup`: the result of the check the dev server ran before it started watching. */
  constructor(startup?: CheckResult) {
    this.#latest = startup;
  }

  /** A content file changed: from now until a check asked after this ends, there are no problems to show. */
  edited(): void {
    this.#edits += 1;
  }

  /** A check is asked for: give what this returns to `checked` with the check's result. */
  asking(): number {
    return this.#edits;
  }

  /** The result of the check asked when `asking()` returned `asked`. */
  checked(asked: number, result: CheckResult): Step {
    if (asked < this.#edits) return { kind: 'outdated' };
    const previous = this.#latest;
    this.#latest = result;
    this.#covers = asked;
    if (result.problems.length > 0) {
      const report = formatReport(result.filesChecked, result.problems);
      return { kind: 'problems', report, print: !previous || report !== formatReport(previous.filesChecked, previous.problems) };
    }
    return previous && previous.problems.length > 0 ? { kind: 'fixed' } : { kind: 'clean' };
  }

  /** The result whose problems a page is shown now (one connecting, or after an update): undefined when there are
   * none, or when an edit since has not been checked yet. */
  toShow(): CheckResult | undefined {
    const latest = this.#latest;
    return latest && latest.problems.length > 0 && this.#covers === this.#edits ? latest : undefined;
  }
}
