// For the association's own site, optional: <script src="https://…/assets/embed.js" async></script> next to
// Tirelire widgets sizes each one's frame to its content. Only messages from Tirelire's origin, carrying a
// height, and only for the frame that sent them, are heard.
(function () {
  var origin = new URL(document.currentScript.src).origin;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || !data.tirelireWidget || typeof data.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(2000, Math.ceil(data.height)) + 'px';
      }
    }
  });
})();
