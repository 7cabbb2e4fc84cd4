/**
 * The filter form shared by the task and unit pages: filters restored from the address, and
 * the events that reload the results.
 */

/** Phones: the open filter form fills the screen. */
export const PHONE_QUERY = window.matchMedia('(max-width: 719px)');

/** Sets each named field from the page address (empty when the address has none). */
export function restoreFilters(form, names) {
  const params = new URLSearchParams(location.search);
  for (const name of names) form.elements[name].value = params.get(name) ?? '';
}

/**
 * Calls `load` on submit (folding the form on a phone, so the results start above the fold),
 * on reset, when one of the `changing` fields changes, and 400 ms after typing in the unit field.
 */
export function wireFilterForm(form, panel, load, changing) {
  let typingTimer = null;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    if (PHONE_QUERY.matches) panel.open = false;
    load();
  });
  form.addEventListener('reset', () => setTimeout(load, 0));
  for (const name of changing) form.elements[name].addEventListener('change', load);
  form.elements.unit.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(load, 400);
  });
}
