// Types for what tests read from eslint.config.js.
import type { Linter } from 'eslint';

export declare const TFJS_FREE_MODEL: string[];
export declare const BOUNDARY_POLICIES: object[];
declare const config: Linter.Config[];
export default config;
