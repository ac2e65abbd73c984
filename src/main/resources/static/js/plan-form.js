// Shows each pain slider's value beside it and shades its area on the body map. Without this script the
// sliders still work; the values are then simply not echoed.
document.documentElement.classList.add('js');

for (const slider of document.querySelectorAll('.plan-form input[type="range"]')) {
  const output = document.querySelector(`output[for="${slider.id}"]`);
  const zones = document.querySelectorAll(`.body-map .zone[data-zone="${slider.dataset.zone}"]`);
  const show = () => {
    if (output) {
      output.textContent = slider.value;
    }
    for (const zone of zones) {
      zone.setAttribute('data-level', String(Math.ceil(Number(slider.value) / 2)));
    }
  };
  slider.addEventListener('input', show);
  show();
}
