// Pure part of the QR drawing: SVG path data for the dark modules.

/** One 1x1 square per dark module, offset by a quiet zone of `margin` modules. */
export function qrPath(size, isDark, margin = 4) {
  let d = '';
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) if (isDark(r, c)) d += `M${c + margin} ${r + margin}h1v1h-1z`;
  }
  return d;
}
