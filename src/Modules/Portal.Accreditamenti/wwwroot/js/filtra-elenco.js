// Narrows a long <select> (e.g. the Comuni) to the options containing the text typed in its search box.
document.querySelectorAll('input[data-filtra]').forEach(function (input) {
    var select = document.getElementById(input.getAttribute('data-filtra'));
    if (!select) return;
    input.addEventListener('input', function () {
        var text = input.value.trim().toLowerCase();
        Array.prototype.forEach.call(select.options, function (option) {
            option.hidden = text.length > 0 && !option.selected && option.text.toLowerCase().indexOf(text) < 0;
        });
    });
});
