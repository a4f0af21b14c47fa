// `npm run build` starts from an empty dist/: the two vite builds and tsc write into it without
// emptying it, so a module deleted from src/ would otherwise stay in dist/ and be published.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
