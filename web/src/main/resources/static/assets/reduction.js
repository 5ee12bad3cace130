// The giving form's "costs you X after tax reduction", kept in step with the amount as the donor types
// or picks it. The page says the same without this script for the suggested amounts; the sums follow
// donation-service's TaxReduction: 75 % up to the ceiling when it applies, 66 % above and otherwise.
(function () {
  var line = document.getElementById('reduction');
  var form = line && line.closest('form');
  if (!form) return;
  var rate = Number(line.dataset.rate);
  var ceiling = Number(line.dataset.ceiling);
  var money = new Intl.NumberFormat(line.dataset.locale, { style: 'currency', currency: line.dataset.currency });

  function chosenCents() {
    var typed = form.elements.otherAmount.value.replace(/\s/g, '').replace(',', '.');
    var picked = form.querySelector('input[name=amount]:checked');
    if (typed !== '' || (picked && picked.value === 'other')) {
      return /^\d{1,9}(\.\d{1,2})?$/.test(typed) ? Math.round(Number(typed) * 100) : null;
    }
    return picked ? Number(picked.value) : null;
  }

  function cost(cents) {
    var atReducedRate = rate === 75 ? Math.min(cents, ceiling) : 0;
    var reduction = Math.floor(atReducedRate * 75 / 100) + Math.floor((cents - atReducedRate) * 66 / 100);
    return cents - reduction;
  }

  function update() {
    var cents = chosenCents();
    if (!cents || cents <= 0) return;
    line.textContent = line.dataset.sentence
      .replace('{0}', money.format(cents / 100))
      .replace('{1}', money.format(cost(cents) / 100));
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);
})();
