// Client-side checks that mirror the API's rules closely enough to help people early.
// The server stays the authority: its field errors are shown the same way.

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(v) {
  return typeof v === 'string' && v.length <= 254 && EMAIL_RE.test(v.trim());
}

export function isTotpCode(v) {
  return typeof v === 'string' && /^\d{6}$/.test(v.trim());
}

/**
 * Validates values against rules; returns [{field, key, params?}] with i18n message keys.
 * rules: {field: ['required', 'email', 'password', 'totp', ['match', otherField], ['max', n]]}
 */
export function validate(values, rules) {
  const errors = [];
  for (const [field, list] of Object.entries(rules)) {
    const raw = values[field];
    const v = typeof raw === 'string' ? raw : (raw == null ? '' : String(raw));
    for (const rule of list) {
      const [name, arg] = Array.isArray(rule) ? rule : [rule];
      let err = null;
      if (name === 'required' && v.trim() === '') err = { key: 'validation.required' };
      else if (v === '' && name !== 'required') err = null;
      else if (name === 'email' && !isEmail(v)) err = { key: 'validation.email' };
      else if (name === 'password' && (v.length < PASSWORD_MIN || v.length > PASSWORD_MAX))
        err = { key: 'validation.password', params: { min: PASSWORD_MIN, max: PASSWORD_MAX } };
      else if (name === 'totp' && !isTotpCode(v)) err = { key: 'validation.totp' };
      else if (name === 'match' && v !== (values[arg] ?? '')) err = { key: 'validation.match' };
      else if (name === 'max' && v.length > arg) err = { key: 'validation.max', params: { max: arg } };
      if (err) { errors.push({ field, ...err }); break; }
    }
  }
  return errors;
}

/** Groups a TOTP secret in blocks of four for reading aloud or typing. */
export function groupSecret(secret) {
  return String(secret || '').replace(/\s+/g, '').replace(/(.{4})/g, '$1 ').trim();
}
