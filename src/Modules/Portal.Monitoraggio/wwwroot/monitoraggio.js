// Monitoraggio: progress of the transfer (upload form) and of the server-side processing (feed page).
(function () {
  'use strict';
  var form = document.getElementById('form-flusso');
  if (form && window.XMLHttpRequest && window.FormData) {
    form.addEventListener('submit', function (e) {
      var input = document.getElementById('file');
      if (!input.files || input.files.length === 0) return; // the server answers with the message next to the field
      e.preventDefault();
      var bar = document.getElementById('trasferimento');
      var text = document.getElementById('trasferimento-testo');
      var button = form.querySelector('button[type=submit]');
      bar.classList.remove('d-none');
      button.disabled = true;
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action || window.location.href);
      xhr.upload.addEventListener('progress', function (ev) {
        if (!ev.lengthComputable) return;
        var pct = Math.round(ev.loaded * 100 / ev.total);
        bar.setAttribute('aria-valuenow', String(pct));
        bar.firstElementChild.style.width = pct + '%';
        text.textContent = 'Trasferimento: ' + pct + '%';
      });
      xhr.addEventListener('load', function () {
        if (xhr.responseURL && xhr.responseURL.indexOf('/monitoraggio/flussi/') >= 0 && xhr.responseURL !== window.location.href) {
          window.location.assign(xhr.responseURL);
        } else {
          document.open(); document.write(xhr.responseText); document.close();
        }
      });
      xhr.addEventListener('error', function () {
        button.disabled = false;
        text.textContent = 'Trasferimento interrotto: verificare la connessione e inviare di nuovo il file.';
      });
      xhr.send(new FormData(form));
    });
  }

  var box = document.getElementById('elaborazione') || document.getElementById('ricevuta-attesa');
  if (box) {
    var id = box.getAttribute('data-flusso');
    var line = document.getElementById('righe-elaborate');
    var poll = function () {
      fetch('/api/v1/monitoraggio/flussi/' + id, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (f) {
          if (!f) return;
          var pending = f.stato === 'InCoda' || f.stato === 'InElaborazione' || f.stato === 'Confermato' || (f.stato === 'Applicato' && !f.ricevuta);
          if (!pending) { window.location.reload(); return; }
          if (line && f.stato === 'InElaborazione') line.textContent = 'Righe elaborate: ' + f.righeElaborate.toLocaleString('it-IT') + '.';
          setTimeout(poll, 1000);
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 1000);
  }
})();
