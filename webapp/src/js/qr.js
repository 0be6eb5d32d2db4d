// Draws a QR code of the otpauth URI as SVG built with DOM calls (no canvas, no inline styles).
import qrcode from './vendor/qrcode.mjs';
import { t } from './i18n.js';
import { qrPath } from './qr-path.js';

const SVG = 'http://www.w3.org/2000/svg';

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
