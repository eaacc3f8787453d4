/** Types of consumer-install.mjs. */
export declare const REPO: string;
export declare function packPackage(destination?: string): string;
export declare function installConsumer(
  tarball: string,
  options?: { extra?: readonly string[]; omitOptional?: boolean; dir?: string },
): string;
