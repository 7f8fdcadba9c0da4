// Flags for the system Chromium in every browser test: root needs --no-sandbox; the rest keep it off a
// network this machine does not have.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
