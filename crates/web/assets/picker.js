// A filter box over a long list of checkboxes: typing hides the names that do not match
// (accents and case ignored) while chosen ones stay in view. Without JavaScript the box stays
// hidden and the whole list is shown.
(function () {
  const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  document.querySelectorAll('input[data-filter-for]').forEach((box) => {
    const list = document.getElementById(box.dataset.filterFor);
    if (!list) return;
    box.closest('label').hidden = false;
    box.addEventListener('input', () => {
      const wanted = fold(box.value);
      list.querySelectorAll('label').forEach((label) => {
        const chosen = label.querySelector('input').checked;
        label.hidden = wanted !== '' && !chosen && !fold(label.textContent).includes(wanted);
      });
    });
  });
})();
