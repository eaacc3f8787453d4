/** Types of compile-wink-model.mjs (plain JavaScript so the build can run it). */
export declare const WINK_CORE_BINARY_FORMAT: 'practice-themes-wink-core';
export declare function encodeWinkCoreModel(jsonText: string, version: string): Buffer | undefined;
