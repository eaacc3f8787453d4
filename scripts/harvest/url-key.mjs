// How the harvest tools tell pages apart: a normalised address (no scheme, www., query,
// fragment, trailing slash, /print or /amp, .html) and the document name at its end.
// The document-name rule is deliberately coarse: two addresses ending in the same long
// name are taken for copies of one document, which refuses some unrelated pages with
// generic endings ("serious-case-reviews") rather than let a copy through.

/** The page's normalised address. */
export function urlKey(url) {
  let key = url.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/#.*$/, '');
  key = key.replace(/\?.*$/, '').replace(/\/+$/, '').replace(/\/(print|amp)$/, '').replace(/\.(html?|aspx|php)$/, '');
  return key;
}

/** The document name at the end of the address (12 characters or more), or null. */
export function documentName(url) {
  const parts = urlKey(url).split('/');
  const last = parts[parts.length - 1] ?? '';
  return parts.length > 1 && last.length >= 12 ? last.replace(/\.pdf$/, '') : null;
}
