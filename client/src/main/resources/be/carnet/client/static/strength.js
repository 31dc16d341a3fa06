// Carnet: the passphrase strength hint while typing. Each password field with data-strength names the
// element that shows the hint. The passphrase goes only in the body of a same-origin POST with the page's
// CSRF token, to an endpoint that answers with the hint sentence; never in a URL, never stored.
(function () {
  'use strict';
  var fields = document.querySelectorAll('input[type=password][data-strength]');
  Array.prototype.forEach.call(fields, function (field) {
    var output = document.getElementById(field.getAttribute('data-strength'));
    var csrf = field.form ? field.form.querySelector('input[name=csrf]') : null;
    if (!output || !csrf) {
      return;
    }
    var timer = null;
    var asked = 0;
    field.addEventListener('input', function () {
      window.clearTimeout(timer);
      if (field.value.length === 0) {
        output.textContent = '';
        return;
      }
      timer = window.setTimeout(function () {
        var mine = ++asked;
        var body = new URLSearchParams();
        body.set('csrf', csrf.value);
        body.set('passphrase', field.value);
        window.fetch(output.getAttribute('data-endpoint'), {
          method: 'POST', body: body, credentials: 'same-origin', cache: 'no-store', redirect: 'error'
        }).then(function (response) {
          return response.ok ? response.text() : '';
        }).then(function (hint) {
          if (mine === asked) {
            output.textContent = hint;
          }
        }).catch(function () {
          output.textContent = '';
        });
      }, 250);
    });
  });
}());
