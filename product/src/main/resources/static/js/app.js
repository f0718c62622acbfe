// Every htmx request carries the CSRF token that Spring Security put in the page's <meta> tags.
document.addEventListener("htmx:configRequest", (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// "Enviar código" waits for its countdown (step 3's number verification): one request per number a
// minute, which the server enforces; the page only says how long is left and when to try again.
setInterval(() => {
  document.querySelectorAll("[data-countdown]").forEach((element) => {
    const left = Number(element.dataset.countdown) - 1;
    const box = element.closest("section") || document;
    if (left > 0) {
      element.dataset.countdown = String(left);
      element.textContent = element.dataset.countdownText.replace("{0}", String(left));
      return;
    }
    element.removeAttribute("data-countdown");
    element.textContent = element.dataset.countdownDone;
    box.querySelectorAll("[data-countdown-button]").forEach((button) => { button.disabled = false; });
  });
}, 1000);

// "Copiar" beside a secret shown once (a new API key): copies the field's value and says so on the button.
// Without the clipboard API (an old browser, a page not served over HTTPS) the text is selected instead,
// ready for Ctrl+C.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  const field = document.querySelector(button.dataset.copy);
  if (!field) {
    return;
  }
  const done = () => {
    button.textContent = button.dataset.copied;
  };
  field.select();
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, () => field.select());
  } else if (document.execCommand && document.execCommand("copy")) {
    done();
  }
});
