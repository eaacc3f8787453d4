/** Types of fresh-process.mjs (plain JavaScript, run by bench/run.mjs), for the test that reads CLI_V8_FLAGS. */
export declare const CLI_V8_FLAGS: string[];
export declare function coldStart(distDir: string): unknown;
export declare function helpTime(distDir: string): { wall: number; cpu: number };
export declare function tagFileTime(distDir: string, file: string): { wall: number; cpu: number };
export declare function longDocumentMemory(distDir: string, textFile: string, nodeFlags?: string[]): unknown;
