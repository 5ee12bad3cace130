// Live progress on a campaign page: the thermometer follows each change pushed by the server
// (Server-Sent Events). Without JavaScript or EventSource the page simply shows the figures it was served with.
(function () {
  var box = document.querySelector('[data-progress-stream]');
  if (!box || !window.EventSource) return;
  var lang = document.documentElement.lang || 'fr';
  // Every currency a campaign may collect in (EUR, CHF, GBP, USD, CAD) has cents.
  function money(m) {
    var whole = m.amount % 100 === 0;
    return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
      style: 'currency', currency: m.currency,
      minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2
    }).format(m.amount / 100);
  }
  function set(name, text) {
    var el = box.querySelector('[data-' + name + ']');
    if (el) el.textContent = text;
  }
  var source = new EventSource(box.getAttribute('data-progress-stream'));
  source.addEventListener('progress', function (event) {
    var p = JSON.parse(event.data);
    set('raised', money(p.raised));
    set('percent', String(p.percent));
    set('count', String(p.donationCount));
    var bar = box.querySelector('progress');
    if (bar) { bar.value = Math.min(100, p.percent); bar.textContent = p.percent + ' %'; }
  });
})();
