// Carries a question's label and hint, as the secretariat types them in each language, into the
// preview of that language below the form. Without JavaScript the preview shows the saved
// question and follows each save.
(function () {
  document.querySelectorAll('[data-preview]').forEach((preview) => {
    const lang = preview.dataset.preview;
    const block = preview.querySelector('.question-block');
    if (!block) return;
    const label = block.querySelector('legend > span[lang], label > span[lang]');
    const hint = block.querySelector('p.hint');
    const mark = block.querySelector('.original-in');
    const follow = (input, target, whenEmpty) => {
      if (!input || !target) return;
      const savedLang = target.lang;
      input.addEventListener('input', () => {
        const typed = input.value.trim();
        target.textContent = typed === '' ? whenEmpty : typed;
        target.lang = typed === '' ? savedLang : lang;
        if (target === label && mark) mark.hidden = typed !== '';
        if (target === hint) target.hidden = typed === '' && whenEmpty === '';
      });
    };
    follow(document.getElementById('label-' + lang), label, label ? label.textContent : '');
    follow(document.getElementById('hint-' + lang), hint, hint ? hint.textContent : '');
  });
})();
