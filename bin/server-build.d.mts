export const SOURCE_DIRS: string[];
export const OUT_DIR: string;
export const STAMP: string;
export function sourceFiles(root: string): string[];
export function sourceDigest(root: string): string;
export function builtServer(root: string): string | null;
