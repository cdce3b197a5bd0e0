// Fonts of bootstrap-italia are loaded by its bundle from this path (the bundle does not call it by itself).
if (window.bootstrap && typeof window.bootstrap.loadFonts === 'function') {
  window.bootstrap.loadFonts('/_content/Portal.Theme/lib/bootstrap-italia/fonts');
}
