// Draws a QR code of the otpauth URI as SVG built with DOM calls (no canvas, no inline styles).
import qrcode from './vendor/qrcode.mjs';
import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

/** Path data for the dark modules of a QR matrix, one 1x1 square each, offset by a quiet zone. */
export function qrPath(size, isDark, margin = 4) {
  let d = '';
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) if (isDark(r, c)) d += `M${c + margin} ${r + margin}h1v1h-1z`;
  }
  return d;
}

export function renderQr(container, text) {
  container.textContent = '';
  if (!text) return;
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const total = n + 8;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${total} ${total}`);
  svg.setAttribute('width', '200');
  svg.setAttribute('height', '200');
  svg.setAttribute('role', 'img');
  svg.setAttribute('data-i18n-attr', 'aria-label:totp.qrLabel');
  svg.setAttribute('aria-label', t('totp.qrLabel'));
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', String(total));
  bg.setAttribute('height', String(total));
  bg.setAttribute('fill', '#ffffff');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', qrPath(n, (r, c) => qr.isDark(r, c)));
  path.setAttribute('fill', '#000000');
  svg.append(bg, path);
  container.appendChild(svg);
}
