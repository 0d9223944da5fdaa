/* Shows the build time in the visitor's own time zone. */
document.addEventListener('DOMContentLoaded', () => {
  const builtAt = document.querySelector('[data-field="built-at"]');
  if (!builtAt) {
    return;
  }
  // The build step records UTC; an unknown time stays as it is.
  const moment = new Date(builtAt.textContent);
  if (!Number.isNaN(moment.getTime())) {
    builtAt.title = builtAt.textContent;
    builtAt.textContent = moment.toLocaleString();
  }
});
