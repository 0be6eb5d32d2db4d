// Form plumbing shared by every page: reading values, showing client and API errors
// next to fields (aria-invalid + aria-describedby), and announcing the outcome.
import { t, setText } from './i18n.js';
import { problemMessage } from './problem.js';

export function values(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled) continue;
    if (el.type === 'checkbox') out[el.name] = el.checked;
    else if (el.type === 'radio') { if (el.checked) out[el.name] = el.value; }
    else out[el.name] = el.value;
  }
  return out;
}

function describedBy(input) {
  return (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
}

export function clearFieldError(input) {
  const id = `${input.id}-error`;
  const msg = document.getElementById(id);
  if (msg) msg.remove();
  input.removeAttribute('aria-invalid');
  const rest = describedBy(input).filter(x => x !== id);
  if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
  else input.removeAttribute('aria-describedby');
  input.closest('.form-conts')?.classList.remove('is-error');
}

/** Shows a message under a field; key is an i18n key, or text is the server's own words. */
export function setFieldError(input, { key, params, text }) {
  clearFieldError(input);
  const id = `${input.id}-error`;
  const p = document.createElement('p');
  p.id = id;
  p.className = 'form-hint-invalid';
  if (key) setText(p, key, params); else p.textContent = text;
  const group = input.closest('.form-group') || input.parentElement;
  group.appendChild(p);
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', [...describedBy(input), id].join(' '));
  input.closest('.form-conts')?.classList.add('is-error');
}

export function clearErrors(form) {
  for (const el of form.querySelectorAll('[aria-invalid]')) clearFieldError(el);
  const status = statusOf(form);
  if (status) { status.textContent = ''; status.className = 'madang-status'; }
}

function statusOf(form) {
  return document.getElementById(form.dataset.status || `${form.id}-status`);
}

function fieldFor(form, name) {
  const el = form.elements.namedItem(name);
  return el && el.id ? el : null;
}

/** Client-side validation errors ([{field,key,params}]) → fields + summary. Returns true if any. */
export function showValidation(form, errors) {
  clearErrors(form);
  if (!errors.length) return false;
  for (const e of errors) {
    const input = fieldFor(form, e.field);
    if (input) setFieldError(input, e);
  }
  announce(form, 'error', { key: 'validation.summary', params: { count: errors.length } });
  fieldFor(form, errors[0].field)?.focus();
  return true;
}

/** An ApiError → the detail in the form's alert region, field errors beside their fields. */
export function showProblem(form, err) {
  clearErrors(form);
  const problem = err.problem || {};
  const unplaced = [];
  for (const fe of err.fieldErrors || []) {
    const input = fieldFor(form, fe.field);
    if (input) setFieldError(input, { text: fe.message });
    else unplaced.push(fe.message);
  }
  const text = [problemMessage(problem) || t('error.generic'), ...unplaced].join(' ');
  announce(form, 'error', { text });
  const firstInvalid = form.querySelector('[aria-invalid="true"]');
  if (firstInvalid) firstInvalid.focus();
}

/** Writes a message in the form's status region (role=alert for errors, status otherwise). */
export function announce(form, kind, { key, params, text }) {
  const status = typeof form === 'string' ? document.getElementById(form) : statusOf(form);
  if (!status) return;
  status.className = `madang-status is-${kind}`;
  status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  status.textContent = '';
  const p = document.createElement('p');
  if (key) setText(p, key, params); else p.textContent = text;
  status.appendChild(p);
}

/** Disables the submit button while a request is under way (prevents double submits). */
export async function busy(form, fn) {
  const buttons = form.querySelectorAll('button[type="submit"]');
  for (const b of buttons) { b.disabled = true; b.setAttribute('aria-busy', 'true'); }
  try { return await fn(); } finally {
    for (const b of buttons) { b.disabled = false; b.removeAttribute('aria-busy'); }
  }
}

/** Wires a form: validate → call → success, with errors shown the standard way. */
export function handleForm(form, { rules, validateFn, submit, success }) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = values(form);
    const errors = validateFn ? validateFn(v, rules) : [];
    if (showValidation(form, errors)) return;
    await busy(form, async () => {
      try {
        const result = await submit(v);
        clearErrors(form);
        if (success) await success(result, v);
      } catch (err) {
        if (err && err.problem) showProblem(form, err); else throw err;
      }
    });
  });
}
