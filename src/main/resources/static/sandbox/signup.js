// The sandbox's Embedded Signup window ends like Meta's: it posts the session info and the login result
// to the opener (only to the origin the product gave, which the server checked is our own), then closes.
document.addEventListener("DOMContentLoaded", () => {
  const end = document.getElementById("signup-end");
  if (!end) {
    return;
  }
  const origin = end.dataset.origin;
  const opener = window.opener;
  if (opener && origin) {
    if (end.dataset.sessionInfo) {
      opener.postMessage(end.dataset.sessionInfo, origin);
    }
    opener.postMessage(end.dataset.login, origin);
  }
  const close = () => window.close();
  document.querySelectorAll("[data-close]").forEach((button) => button.addEventListener("click", close));
  // An error stays on screen for a while so that the person can read it; the opener already knows.
  setTimeout(close, end.dataset.error === "true" ? 8000 : 600);
});
