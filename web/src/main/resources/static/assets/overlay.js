// The stream overlay: the thermometer follows progress, and each gift pops up as an alert for a few
// seconds. Donors' names and messages are set as text (textContent), never as HTML.
(function () {
  var root = document.querySelector('[data-campaign]');
  if (!root || !window.EventSource) return;
  var id = root.getAttribute('data-campaign');
  var lang = document.documentElement.lang || 'fr';
  var anonymous = root.getAttribute('data-anonymous') || 'Anonymous';
  function money(m) {
    var whole = m.amount % 100 === 0;
    return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
      style: 'currency', currency: m.currency,
      minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2
    }).format(m.amount / 100);
  }
  function text(tag, className, value) {
    var el = document.createElement(tag);
    el.className = className;
    el.textContent = value;
    return el;
  }
  var progress = new EventSource('/api/campaigns/' + encodeURIComponent(id) + '/progress/stream');
  progress.addEventListener('progress', function (event) {
    var p = JSON.parse(event.data);
    root.querySelector('[data-raised]').textContent = money(p.raised);
    root.querySelector('[data-percent]').textContent = p.percent + ' %';
    root.querySelector('progress').value = Math.min(100, p.percent);
    showMatch(p.activeMatch);
    showNext(p.milestones || []);
    showPoll(p.poll);
  });
  // The poll: each option's amount and share as a bar, redrawn from each progress change.
  var pollBox = root.querySelector('[data-poll]');
  function showPoll(poll) {
    pollBox.hidden = !poll;
    if (!poll) return;
    pollBox.querySelector('[data-poll-title]').textContent =
      pollBox.getAttribute(poll.open ? 'data-open-label' : 'data-closed-label');
    pollBox.querySelector('[data-poll-question]').textContent = poll.question;
    var list = pollBox.querySelector('[data-poll-options]');
    list.textContent = '';
    poll.options.forEach(function (option) {
      var item = document.createElement('li');
      item.appendChild(text('span', 'label', option.label));
      item.appendChild(text('span', 'votes', money(option.votes) + ' · ' + option.percent + ' %'));
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = option.percent;
      item.appendChild(bar);
      list.appendChild(item);
    });
  }
  // The next milestone or stretch goal, as the total unlocks them one after the other.
  var next = root.querySelector('[data-next]');
  function showNext(milestones) {
    var coming = milestones.filter(function (m) { return !m.reached; })[0];
    next.hidden = !coming;
    if (coming) next.textContent = next.getAttribute('data-next-label') + ' · ' + coming.label + ' · ' + money(coming.threshold);
  }
  // The sponsor's match: shown while one is open, with what is left of its cap and a countdown to its end.
  var match = root.querySelector('[data-match]');
  function showMatch(m) {
    match.hidden = !m;
    if (!m) return;
    match.setAttribute('data-ends', m.endsAt);
    match.querySelector('[data-match-ratio]').textContent = '×' + (m.ratio + 1);
    match.querySelector('[data-match-sponsor]').textContent = m.sponsor;
    match.querySelector('[data-match-left]').textContent = match.getAttribute('data-left-label') + ' ' + money(m.left);
  }
  function countdown() {
    var left = Math.max(0, Math.floor((Date.parse(match.getAttribute('data-ends')) - Date.now()) / 1000));
    var h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
    match.querySelector('[data-match-countdown]').textContent =
      (h ? h + ':' + (m < 10 ? '0' : '') : '') + m + ':' + (s < 10 ? '0' : '') + s;
    if (!match.hidden && left === 0) match.hidden = true;
  }
  if (match.getAttribute('data-ends')) countdown();
  setInterval(function () { if (match.getAttribute('data-ends')) countdown(); }, 1000);
  var alerts = document.querySelector('[data-alerts]');
  // At most four alerts at once, so that a burst never covers the bar: the oldest leaves early.
  var MOST_ALERTS = 4;
  function show(node) {
    while (alerts.children.length >= MOST_ALERTS) alerts.firstChild.remove();
    alerts.appendChild(node);
    setTimeout(function () { node.remove(); }, 7000);
  }
  var live = new EventSource('/api/campaigns/' + encodeURIComponent(id) + '/live');
  live.addEventListener('gift', function (event) {
    var gift = JSON.parse(event.data);
    var alert = document.createElement('div');
    alert.className = 'alert';
    if (gift.alert) alert.setAttribute('data-alert', gift.alert);
    alert.appendChild(text('span', 'name', gift.displayName === 'Anonymous' ? anonymous : gift.displayName));
    alert.appendChild(document.createTextNode(' · '));
    alert.appendChild(text('span', 'amount', money(gift.amount)));
    if (gift.message) alert.appendChild(text('span', 'text', gift.message));
    show(alert);
  });
  // The organisation hid a message: an alert still showing it loses it at once.
  live.addEventListener('hidden', function (event) {
    var hidden = JSON.parse(event.data);
    alerts.querySelectorAll('[data-alert]').forEach(function (alert) {
      if (alert.getAttribute('data-alert') !== hidden.alert) return;
      var message = alert.querySelector('.text');
      if (message) message.remove();
    });
  });
  // A stretch goal unlocked ("à 1 000 € la chorale chante") is an incentive the stream celebrates: it pops up
  // in its own colours, apart from the gifts; a quarter of the goal is announced the same way, as reached.
  live.addEventListener('milestone', function (event) {
    var milestone = JSON.parse(event.data);
    var percent = /^\d+ ?%$/.test(milestone.milestone);
    // A quarter of the goal reached supersedes the one before: one gift may cross several at once.
    if (percent) alerts.querySelectorAll('.reached').forEach(function (older) { older.remove(); });
    var alert = document.createElement('div');
    alert.className = percent ? 'alert unlocked reached' : 'alert unlocked';
    alert.appendChild(text('span', 'title', alerts.getAttribute(percent ? 'data-reached' : 'data-unlocked')));
    alert.appendChild(text('span', 'label', milestone.milestone));
    if (milestone.threshold) {
      alert.appendChild(document.createTextNode(' · '));
      alert.appendChild(text('span', 'amount', money(milestone.threshold)));
    }
    show(alert);
  });
})();
