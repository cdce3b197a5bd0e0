// Anagrafica form: the Comune search-select asks the portal for matching Comuni as the person
// types; "domicilio uguale alla residenza" hides the domicile fields. Without JavaScript the form
// still works: the server accepts the name with its province ("Ancona (AN)"), the exact name or the ISTAT code.
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
            if (q.length < 2 || /\([A-Za-z]{2}\)$/.test(q) || q === last) return;
            clearTimeout(timer);
            timer = setTimeout(function () {
                last = q;
                fetch('/api/v1/comuni?q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' } })
                    .then(function (r) { return r.ok ? r.json() : []; })
                    .then(function (comuni) {
                        list.replaceChildren();
                        comuni.slice(0, 50).forEach(function (c) {
                            var option = document.createElement('option');
                            option.value = c.nome + ' (' + c.siglaProvincia + ')';
                            list.appendChild(option);
                        });
                    })
                    .catch(function () { /* the server still validates what was typed */ });
            }, 250);
        });
    });
})();
