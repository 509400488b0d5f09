export function transpileServer(root: string, outDir: string): number;
