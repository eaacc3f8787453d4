/**
 * `text.toLowerCase()` without its copy in the usual case, text already in lower case:
 * V8's toLowerCase allocates a new string even when nothing changes, and the analyzer
 * and feature extraction lower-case several strings per token.
 */
export function lowerCased(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A capital, or anything outside ASCII (whose case only toLowerCase knows).
    if ((c >= 65 && c <= 90) || c > 127) return text.toLowerCase();
  }
  return text;
}
