// Inside a Tirelire widget framed by the association's site: tells the page that frames it how tall the
// widget is, so that /assets/embed.js on that page can size the frame. Only the height and the widget's path
// leave the frame.
(function () {
  if (window.parent === window) return;
  function send() {
    window.parent.postMessage({ tirelireWidget: location.pathname, height: Math.ceil(document.body.getBoundingClientRect().height) }, '*');
  }
  window.addEventListener('load', send);
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.body);
})();
