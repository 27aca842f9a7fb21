// The blueprint page: show only the game-over moments, open or close every touchpoint. The page works without it.
(function () {
  'use strict';
  const only = document.getElementById('game-over-only');
  const openAll = document.getElementById('open-all');
  const status = document.getElementById('status');
  const moments = Array.from(document.querySelectorAll('.moment'));
  function filter() {
    let shown = 0;
    moments.forEach(function (moment) {
      const hide = only.checked && !moment.classList.contains('game-over');
      moment.hidden = hide;
      if (!hide) { shown++; }
    });
    status.textContent = only.checked ? shown + (shown === 1 ? ' game-over moment shown.' : ' game-over moments shown.')
      : 'All ' + moments.length + ' touchpoints shown.';
  }
  only.addEventListener('change', filter);
  openAll.addEventListener('click', function () {
    const open = openAll.dataset.open !== 'true';
    moments.forEach(function (moment) { moment.querySelector('details').open = open; });
    openAll.dataset.open = String(open);
    openAll.textContent = open ? 'Close every touchpoint' : 'Open every touchpoint';
    status.textContent = open ? 'Every touchpoint is open.' : 'Every touchpoint is closed.';
  });
  window.blueprintPage = { filter: filter };
})();
