// Fonts of bootstrap-italia are loaded by its bundle from this path (the bundle does not call it by itself).
if (window.bootstrap && typeof window.bootstrap.loadFonts === 'function') {
  window.bootstrap.loadFonts('/_content/Portal.Theme/lib/bootstrap-italia/fonts');
}

// Phone: the public site's tables read as cards (a row per card, each cell labelled with its column) instead of
// scrolling sideways and cutting badges; the labels come from the table's own header row. The admin area keeps its
// data tables (they scroll, reachable by keyboard below).
(function () {
  if (document.querySelector('.admin-sidebar')) return;
  document.querySelectorAll('main .table-responsive > table').forEach(function (table) {
    var heads = [];
    table.querySelectorAll('thead tr:last-child > th, thead tr:last-child > td').forEach(function (th) {
      for (var i = 0; i < (th.colSpan || 1); i++) heads.push(th.textContent.trim());
    });
    if (heads.length === 0) return;
    table.classList.add('portal-table-stack');
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      var col = 0;
      Array.prototype.forEach.call(tr.children, function (cell) {
        if (heads[col] && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', heads[col]);
        col += cell.colSpan || 1;
      });
    });
  });
})();

// A region that scrolls sideways (a wide table, a long code block) can be scrolled with the keyboard: it takes the
// focus and is named after its caption (WCAG 2.1.1; axe's scrollable-region-focusable).
(function () {
  function mark() {
    document.querySelectorAll('main .table-responsive, main pre').forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute('tabindex')) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('data-portal-scroll', '');
        var caption = box.querySelector('caption');
        if (!box.hasAttribute('aria-label') && caption) {
          box.setAttribute('role', 'region');
          box.setAttribute('aria-label', caption.textContent.trim().replace(/\s+/g, ' '));
        }
      } else if (!scrolls && box.hasAttribute('data-portal-scroll')) {
        box.removeAttribute('tabindex');
        box.removeAttribute('data-portal-scroll');
      }
    });
  }
  mark();
  window.addEventListener('resize', mark);
})();
