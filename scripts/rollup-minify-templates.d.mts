import type { Plugin } from 'rollup';

export function minifyCss(text: string, where: { first: boolean; last: boolean }): string;
export function minifyHtml(text: string): string;
export function applyEdits(
  code: string,
  edits: [start: number, end: number, text: string][],
  source: string,
): { code: string; map: { version: 3; sources: string[]; sourcesContent: string[]; names: string[]; mappings: string } };
export function templateEdits(code: string, ast: unknown): [start: number, end: number, text: string][];
export default function minifyTemplates(options?: { include?: (id: string) => boolean }): Plugin;
