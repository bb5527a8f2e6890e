// Ingest page: send a pasted article (JSON) or files (multipart) to the API, then poll the job for progress.
"use strict";
(function () {
  const section = document.getElementById("job");
  const bar = document.getElementById("job-progress");
  const status = document.getElementById("job-status");
  const list = document.getElementById("job-articles");
  const tokenBox = document.getElementById("token");
  if (tokenBox) {
    tokenBox.value = sessionStorage.getItem("newstrace-token") || "";
    tokenBox.addEventListener("change", () => sessionStorage.setItem("newstrace-token", tokenBox.value));
  }

  function headers(extra) {
    const h = Object.assign({ Accept: "application/json" }, extra || {});
    if (tokenBox && tokenBox.value) h.Authorization = "Bearer " + tokenBox.value;
    return h;
  }

  function say(text) {
    section.hidden = false;
    status.textContent = text;
  }

  function follow(job) {
    section.hidden = false;
    bar.max = job.total || 1;
    bar.value = job.processed;
    let text = `${job.stage}: ${job.processed}${job.total ? " of " + job.total : ""} inputs · ${job.stored} stored, ${job.duplicates} duplicates, ${job.failed} failed`;
    if (job.error) text += " · " + job.error;
    say(text);
    if (job.state === "done" || job.state === "failed") {
      bar.value = bar.max;
      list.replaceChildren();
      for (const id of job.articles) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = "/articles/" + id;
        a.textContent = "article " + id;
        li.append(a);
        list.append(li);
      }
      for (const f of job.failures) {
        const li = document.createElement("li");
        li.className = "error";
        li.textContent = f;
        list.append(li);
      }
      section.dataset.state = job.state;
      return;
    }
    setTimeout(() => poll(job.id), 700);
  }

  function poll(id) {
    fetch("/api/jobs/" + encodeURIComponent(id), { headers: headers() })
      .then((r) => r.json())
      .then(follow)
      .catch((err) => say("lost the job: " + err.message));
  }

  function submit(response) {
    return response.json().then((body) => {
      if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
      follow(body);
    });
  }

  const paste = document.getElementById("paste-form");
  if (paste) {
    paste.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const data = new FormData(paste);
      const body = {};
      for (const [k, v] of data.entries()) if (v !== "") body[k] = v;
      say("sending ...");
      fetch("/api/articles", { method: "POST", headers: headers({ "Content-Type": "application/json" }), body: JSON.stringify(body) })
        .then(submit)
        .catch((err) => say("refused: " + err.message));
    });
  }

  const upload = document.getElementById("upload-form");
  if (upload) {
    upload.addEventListener("submit", (ev) => {
      ev.preventDefault();
      say("uploading ...");
      fetch("/api/articles/upload", { method: "POST", headers: headers(), body: new FormData(upload) })
        .then(submit)
        .catch((err) => say("refused: " + err.message));
    });
  }

  const running = document.querySelector(".running-job");
  if (running) poll(running.dataset.job);
})();
