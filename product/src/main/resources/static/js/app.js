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

// "Copiar": puts the text of the element a button names (data-copy) on the clipboard and says so.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  const source = button && document.querySelector(button.dataset.copy);
  if (!source || !navigator.clipboard) {
    return;
  }
  navigator.clipboard.writeText(source.textContent.trim()).then(() => {
    button.textContent = button.dataset.copied;
  });
});
