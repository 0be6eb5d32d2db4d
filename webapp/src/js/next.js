// Where to go after sign-in: only same-site relative paths, never another origin.

export function safeNext(value, fallback = '/') {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith('/')) return fallback;
  if (value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.includes(':') || value.includes('\\')) return fallback;
  // Control characters (tabs, newlines) are stripped by URL parsers and could smuggle "//".
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}

/** The sign-in URL that brings the person back to `path` afterwards. */
export function signInUrl(path) {
  const next = safeNext(path, '');
  return next ? `/signin.html?next=${encodeURIComponent(next)}` : '/signin.html';
}
