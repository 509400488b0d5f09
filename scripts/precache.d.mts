import type { Plugin } from 'rollup';

export interface PrecacheManifest {
  /** Changes whenever the content of one of the files does. */
  version: string;
  files: { url: string; sha256: string }[];
}

export const PRECACHE_MODULE: string;
export const PRECACHE_FILE: string;
export function sha256(content: string | Uint8Array): string;
export function reachableModules(
  entry: string,
  moduleInfo: (id: string) => { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null,
): Set<string>;
export function filesFor(
  bundle: Record<string, { type: string; fileName: string; isEntry?: boolean; moduleIds?: readonly string[]; imports?: readonly string[] }>,
  modules: Set<string>,
): string[];
export function precacheManifest(files: { url: string; content: string | Uint8Array }[]): PrecacheManifest;
export function shellUrl(path: string): string;
export function listFiles(dir: string): string[];
export function deskFiles(elementModule: string): { files(): string[]; plugin: Plugin };
export function precacheModule(files: () => { url: string; path: string }[]): Plugin;
