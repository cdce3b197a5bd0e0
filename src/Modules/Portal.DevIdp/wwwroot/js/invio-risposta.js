// Test IdP pages (development only): the signed answer goes to the portal by itself, as a real IdP's page does;
// the chosen level is carried by every form that answers.
(function () {
  var answer = document.querySelector('form[data-invio-automatico="true"]');
  if (answer) { answer.submit(); return; }
  var level = document.getElementById('livello');
  if (!level) return;
  level.addEventListener('change', function () {
    document.querySelectorAll('input[data-livello="true"]').forEach(function (input) { input.value = level.value; });
  });
})();
