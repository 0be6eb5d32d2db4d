// Saving a small file from the page (a credential, a receipt) without any server round trip.
export function download(filename, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Prints one part of the page: body[data-print] lets the print stylesheet hide the rest. */
export function printPart(name) {
  document.body.dataset.print = name;
  addEventListener('afterprint', () => { delete document.body.dataset.print; }, { once: true });
  window.print();
}
