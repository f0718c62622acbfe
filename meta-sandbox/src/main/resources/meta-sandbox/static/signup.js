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

// Closing the window mid-flow (its X, not Cancelar) is abandoning it, and Meta then reports CANCEL with the
// step the person was on. Moving between the flow's own screens also unloads the page: a form sent or a
// link followed says that this is not an abandon.
document.addEventListener("DOMContentLoaded", () => {
  const step = document.body.dataset.abandonStep;
  const origin = document.body.dataset.origin;
  if (!step || !origin || !window.opener || document.getElementById("signup-end")) {
    return;
  }
  let moving = false;
  document.addEventListener("submit", () => { moving = true; });
  document.addEventListener("click", (event) => {
    if (event.target.closest("a[href]")) moving = true;
  });
  let told = false;
  // beforeunload runs while the window still exists (a message sent from pagehide may be dropped);
  // pagehide covers browsers that skip beforeunload on close.
  const abandon = () => {
    if (moving || told || !window.opener) return;
    told = true;
    window.opener.postMessage(JSON.stringify({
      type: "WA_EMBEDDED_SIGNUP",
      event: "CANCEL",
      data: { current_step: step },
      version: 3,
    }), origin);
  };
  window.addEventListener("beforeunload", abandon);
  window.addEventListener("pagehide", abandon);
});

// A Brazilian landline (no 9 after the area code) gets the code by voice call only: as soon as the number
// typed is one, SMS is no longer offered (the server refuses it too).
document.addEventListener("DOMContentLoaded", () => {
  const number = document.getElementById("number");
  const country = document.getElementById("country");
  const sms = document.querySelector("[data-sms-choice]");
  if (!number || !country || !sms) {
    return;
  }
  const voice = document.querySelector("input[name=method][value=VOICE]");
  const update = () => {
    const digits = number.value.replace(/\D/g, "");
    const full = number.value.trim().startsWith("+") ? digits : country.value + digits;
    const landline = /^55[1-9][1-9][2-5]\d{7}$/.test(full);
    sms.hidden = landline;
    sms.querySelector("input").disabled = landline;
    if (landline && voice) {
      voice.checked = true;
    }
  };
  number.addEventListener("input", update);
  country.addEventListener("change", update);
  update();
});
