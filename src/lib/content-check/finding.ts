// A problem found inside a piece of Markdown or MDX, before it is placed in its file. The same rules read an
// article's or topic's body (Markdown or MDX below the frontmatter) and the Markdown written inside YAML (a note's
// body, a topic's disagreement); each container knows how to turn a point in its text into a file position.
import type { Node as YamlNode } from 'yaml';
import { yamlOf as modelYamlOf } from '../../content-model/entry.ts';
import { positionWithin, type YamlText } from '../../content-model/frontmatter.ts';
import type { Entry } from './parse-entry.ts';
import type { Problem } from './problem.ts';

/** The entry's YAML document with positions, parsed again when a later rule has a problem to place. */
export function yamlOf(entry: Pick<Entry, 'yamlSource'>): YamlText | undefined {
  return entry.yamlSource ? modelYamlOf({ yaml: entry.yamlSource }) : undefined;
}

export interface Point {
  line: number;
  column: number;
}

/** Where a syntax tree's node starts in the Markdown text (its first line and column when it has no position). */
export function pointOf(node: { position?: { start: { line: number; column: number } } | undefined }): Point {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** The Markdown text a syntax tree's node was parsed from ('' when it has no position). */
export function sourceOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } | undefined }, text: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : text.slice(start, end);
}

/** What a message quotes of a piece of text: its first line, trimmed, cut to 60 characters. */
export function shortSource(source: string): string {
  const line = source.split('\n')[0]!.trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

export interface Finding extends Omit<Problem, 'file' | 'line' | 'column'> {
  /** Where the finding starts in the Markdown text (1-based). */
  point: Point;
  /** A piece of the Markdown text at that point, to find it again inside a YAML value. */
  source: string;
}

function strip(finding: Finding): Omit<Problem, 'file' | 'line' | 'column'> {
  const { point, source, ...rest } = finding;
  return rest;
}

/** A finding in an article's or topic's body, which starts at `bodyFirstLine` of the file. */
export function inBody(file: string, bodyFirstLine: number, finding: Finding): Problem {
  return { file, line: finding.point.line + bodyFirstLine - 1, column: finding.point.column, ...strip(finding) };
}

/** A finding in Markdown held by a YAML value: found again by its text, or placed at the value's start. */
export function inYamlValue(file: string, yaml: YamlText, node: YamlNode | undefined, finding: Finding): Problem {
  const needle = finding.source.split('\n')[0] ?? '';
  return { file, ...positionWithin(yaml, node, needle), ...strip(finding) };
}
