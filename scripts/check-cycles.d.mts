/** Types of scripts/check-cycles.mjs for the tests that import it. */
/** The relative specifiers a module's static imports and re-exports name (type imports included). */
export function importsOf(code: string): string[];
/** Each cycle of the graph (file → the files it imports) as one loop that ends where it starts. */
export function cyclesOf(graph: Map<string, string[]>): string[][];
