// Peak memory of a build, counted for the whole process tree. `npm run build` runs `astro build` in one Node process
// and then Pagefind's indexer as a child binary (Starlight's runs it from inside `astro build`), and /usr/bin/time
// reports only the largest single process, so the benchmark samples /proc/<pid>/status for every descendant and
// keeps the largest sum. These are the parsing halves.

export interface ProcStatus {
  /** The program's name as the kernel gives it (at most 15 characters: "node", "pagefind_extend"). */
  name: string;
  pid: number;
  ppid: number;
  /** Resident set size now, in bytes. */
  rss: number;
  /** Peak resident set size of this process so far ("high water mark"), in bytes. */
  hwm: number;
}

/** Reads the fields the sampler needs from the text of /proc/<pid>/status. */
export function parseProcStatus(text: string): ProcStatus | undefined {
  const field = (name: string) => new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(text)?.[1];
  const kib = (name: string) => Number(field(name) ?? 0) * 1024;
  const pid = field('Pid');
  const ppid = field('PPid');
  if (pid === undefined || ppid === undefined) return undefined;
  const name = /^Name:\s*(.*)$/m.exec(text)?.[1]?.trim() ?? '';
  return { name, pid: Number(pid), ppid: Number(ppid), rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

/** The pids of `root` and all its descendants, from every process's parent. */
export function descendants(root: number, parents: ReadonlyMap<number, number>): Set<number> {
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

export interface TimeVerbose {
  /** Largest single process's resident set, in bytes. */
  maxRss?: number;
  wallSeconds?: number;
  /** CPU time (user + system) of the command and its children: unlike wall time, barely affected by other load. */
  cpuSeconds?: number;
}

/** The figures the benchmark reads from `/usr/bin/time -v`. */
export function parseTimeVerbose(text: string): TimeVerbose {
  const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text)?.[1];
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\):\s*([\d:.]+)/.exec(text)?.[1];
  const user = /User time \(seconds\):\s*([\d.]+)/.exec(text)?.[1];
  const system = /System time \(seconds\):\s*([\d.]+)/.exec(text)?.[1];
  const seconds = wall?.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  return {
    ...(rss ? { maxRss: Number(rss) * 1024 } : {}),
    ...(seconds !== undefined ? { wallSeconds: seconds } : {}),
    ...(user && system ? { cpuSeconds: Number(user) + Number(system) } : {}),
  };
}

/** The largest peak (VmHWM) per program name over the given processes, merged into `peaks` (which it returns). Several
 * processes of one name count as their largest. */
export function peaksByName(statuses: Iterable<ProcStatus>, peaks: Map<string, number> = new Map()): Map<string, number> {
  for (const status of statuses) peaks.set(status.name, Math.max(peaks.get(status.name) ?? 0, status.hwm));
  return peaks;
}

/** A program's name from /proc/<pid>/cmdline (NUL-separated arguments): the file name of what was run ("node" for
 * /usr/bin/node, "pagefind_extended"), which the status's Name does not give for Node (its main thread calls itself
 * "MainThread"). `fallback` when the command line is empty (a kernel thread, an exited process). */
export function programName(cmdline: string, fallback: string): string {
  const program = cmdline.split('\0')[0] ?? '';
  return program.split('/').pop() || fallback;
}
