// Emits .d.ts files for the published entries (sdk, widget) into dist/types with tsc.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
