// Carnet: the incident form's time zone, on a blank form, while the traveller has not chosen a zone yet.
// The page selected the laptop's zone as Java sees it; the browser knows the zone the laptop is set to,
// which differs when the app was started in another (a TZ variable, a container). If the browser's zone is
// in the list, it is selected and the time field (still untouched) shows the same instant (the app's
// "now", given by the page) on that zone's wall clock.
// Nothing is sent anywhere: the choice stays the form's, and the traveller can change it.
(function () {
  'use strict';
  var select = document.querySelector('select[data-zone-default=system]');
  if (!select || !window.Intl || !window.Intl.DateTimeFormat) {
    return;
  }
  var zone = window.Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === select.value) {
    return;
  }
  var found = Array.prototype.some.call(select.options, function (option) {
    return option.value === zone;
  });
  if (!found) {
    return;
  }
  select.value = zone;
  var when = document.querySelector('input[data-now-ms]');
  var millis = when ? Number(when.getAttribute('data-now-ms')) : NaN;
  if (when && when.value === when.defaultValue && isFinite(millis)) {
    var now = new Date(millis);
    var two = function (n) {
      return (n < 10 ? '0' : '') + n;
    };
    when.value = now.getFullYear() + '-' + two(now.getMonth() + 1) + '-' + two(now.getDate()) + 'T'
        + two(now.getHours()) + ':' + two(now.getMinutes());
  }
})();
