// Anagrafica form: the Comune search-select asks the portal for matching Comuni as the person
// types; "domicilio uguale alla residenza" hides the domicile fields. Without JavaScript the form
// still works: the server accepts the ISTAT code or the exact name.
(function () {
    'use strict';
    var same = document.getElementById('campo-DomicilioUgualeResidenza');
    var domicile = document.getElementById('domicilio-campi');
    if (same && domicile) {
        var sync = function () { domicile.hidden = same.checked; };
        same.addEventListener('change', sync);
        sync();
    }

    document.querySelectorAll('input[data-comuni="true"]').forEach(function (input) {
        var list = document.getElementById(input.getAttribute('list'));
        var timer = null;
        var last = '';
        input.addEventListener('input', function () {
            var q = input.value.trim();
            if (q.length < 2 || /^\d{6} - /.test(q) || q === last) return;
            clearTimeout(timer);
            timer = setTimeout(function () {
                last = q;
                fetch('/api/v1/comuni?q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' } })
                    .then(function (r) { return r.ok ? r.json() : []; })
                    .then(function (comuni) {
                        list.replaceChildren();
                        comuni.slice(0, 50).forEach(function (c) {
                            var option = document.createElement('option');
                            option.value = c.codiceIstat + ' - ' + c.nome + ' (' + c.siglaProvincia + ')';
                            list.appendChild(option);
                        });
                    })
                    .catch(function () { /* the server still validates what was typed */ });
            }, 250);
        });
    });
})();
