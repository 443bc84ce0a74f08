// "Kemajuan Belajar": fills the table that hooks/quiz_progress.py rendered
// with what mkdocs-quiz saved in this browser. mkdocs-quiz keeps one
// localStorage entry per page, key "quiz_progress_" + location.pathname,
// holding {questionId: {answered, correct, selectedValues}}.
(function () {
  "use strict";
  var PREFIX = "quiz_progress_";
  var root = document.getElementById("kemajuan-ringkasan");
  var dataEl = document.getElementById("kemajuan-data");
  if (!root || !dataEl) return;
  var sections = JSON.parse(dataEl.textContent);
  var status = document.getElementById("kemajuan-status");
  var resetButton = document.getElementById("kemajuan-hapus");

  function storage() {
    try {
      var probe = "__kemajuan_probe__";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  // The keys a section's page may have used: its pathname as served over
  // http(s) (".../prinsip/") and as opened from a file (".../prinsip/index.html").
  function keysFor(section) {
    var path = new URL(section.url, window.location.href).pathname;
    var keys = [PREFIX + path];
    if (path.slice(-1) === "/") keys.push(PREFIX + path + "index.html");
    else if (/\/index\.html$/.test(path)) keys.push(PREFIX + path.replace(/index\.html$/, ""));
    return keys;
  }

  function savedAnswers(store, section) {
    var merged = {};
    keysFor(section).forEach(function (key) {
      try {
        var value = JSON.parse(store.getItem(key) || "{}");
        if (value && typeof value === "object") Object.assign(merged, value);
      } catch (e) {
        // A damaged entry counts as no progress.
      }
    });
    return merged;
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function setCells(row, answered, correct) {
    row.querySelector(".kb-dijawab").textContent = answered;
    row.querySelector(".kb-benar").textContent = correct;
  }

  function render(store) {
    var totalAnswered = 0;
    var totalCorrect = 0;
    var toReview = [];
    sections.forEach(function (section, index) {
      var saved = savedAnswers(store, section);
      var answered = 0;
      var correct = 0;
      section.questions.forEach(function (question) {
        var entry = saved[question.id];
        if (!entry || !entry.answered) return;
        answered += 1;
        if (entry.correct) correct += 1;
        else toReview.push({ section: section, question: question });
      });
      totalAnswered += answered;
      totalCorrect += correct;
      setCells(root.querySelector('tr[data-bagian="' + index + '"]'), answered, correct);
    });
    setCells(root.querySelector("tfoot tr"), totalAnswered, totalCorrect);

    var review = document.getElementById("kemajuan-ulang");
    var list = review.querySelector("ul");
    list.textContent = "";
    toReview.forEach(function (entry) {
      var li = document.createElement("li");
      var question = entry.question;
      li.appendChild(link(question.itemUrl || question.url, question.item || entry.section.title));
      li.appendChild(document.createTextNode(" (" + entry.section.title + "; "));
      li.appendChild(link(question.url, "lihat soalnya"));
      li.appendChild(document.createTextNode(")"));
      list.appendChild(li);
    });
    review.hidden = toReview.length === 0;
    // (hidden on the wrapper: .md-button's display would override it on the button)
    resetButton.parentNode.hidden = totalAnswered === 0;

    var total = sections.reduce(function (sum, s) { return sum + s.questions.length; }, 0);
    status.textContent =
      totalAnswered === 0
        ? "Anda belum menjawab soal di peramban ini. Mulailah dari bagian mana pun."
        : "Anda sudah menjawab " + totalAnswered + " dari " + total + " soal; " + totalCorrect + " benar.";
  }

  var store = storage();
  if (!store) {
    status.textContent =
      "Penyimpanan peramban tidak tersedia (mungkin dimatikan atau dalam mode privat), " +
      "jadi kemajuan tidak dapat dibaca atau disimpan. Soal tetap dapat dikerjakan.";
    return;
  }

  resetButton.addEventListener("click", function () {
    if (!window.confirm("Hapus semua kemajuan belajar di peramban ini? Jawaban yang tersimpan akan hilang.")) return;
    sections.forEach(function (section) {
      keysFor(section).forEach(function (key) {
        store.removeItem(key);
      });
    });
    render(store);
    status.textContent = "Semua kemajuan sudah dihapus.";
    // The button has just been hidden: keep keyboard focus on the page.
    status.setAttribute("tabindex", "-1");
    status.focus();
  });

  render(store);
})();
