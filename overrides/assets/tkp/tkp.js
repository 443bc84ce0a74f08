/* Latihan TKP: practice and timed simulation over the items that
   hooks/tkp.py renders. Answers live only in this browser (localStorage);
   without storage everything still works for the visit. */
(function () {
  "use strict";
  var app = document.getElementById("tkp-app");
  var out = document.getElementById("tkp-summary");
  if (!app || !out) return;
  var KEY = "jejaring-kerja:tkp:v1";
  var SIM = "simulasi";
  var MINUTES = [0, 10, 20, 30, 45, 60];

  var items = [].map.call(document.querySelectorAll(".tkp-item"), function (el) {
    var ref = el.querySelector(".tkp-refs a");
    return {
      id: el.getAttribute("data-tkp"),
      inputs: [].slice.call(el.querySelectorAll("input[type=radio]")),
      rows: [].slice.call(el.querySelectorAll("tr[data-i]")),
      result: el.querySelector(".tkp-result"),
      key: el.querySelector(".tkp-key"),
      ref: { href: ref.getAttribute("href"), title: ref.textContent }
    };
  });

  var store = null;
  try {
    store = window.localStorage;
    store.setItem(KEY + ":uji", "1");
    store.removeItem(KEY + ":uji");
  } catch (e) {
    store = null;
  }
  var state = { mode: "latihan", min: 0, end: 0, done: false, a: {} };
  try {
    var saved = store && JSON.parse(store.getItem(KEY));
    if (saved && typeof saved.a === "object") state = Object.assign(state, saved);
  } catch (e) { /* unreadable: start afresh */ }

  function save() {
    if (store) try { store.setItem(KEY, JSON.stringify(state)); } catch (e) { /* full or denied */ }
  }
  function esc(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  function setText(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }
  function score(item) {
    var a = state.a[item.id];
    return a == null ? null : +item.inputs[a].getAttribute("data-score");
  }

  app.innerHTML =
    '<fieldset class="tkp-bar"><legend>Cara berlatih</legend>' +
    '<label><input type="radio" name="tkp-mode" value="latihan"> <span>Latihan: skor dan alasan tampil setiap kali menjawab</span></label>' +
    '<label><input type="radio" name="tkp-mode" value="' + SIM + '"> <span>Simulasi (<i>tryout</i>): skor tampil setelah selesai</span></label>' +
    '<p class="tkp-sim"><label for="tkp-min">Batas waktu</label> <select id="tkp-min">' +
    MINUTES.map(function (m) { return '<option value="' + m + '">' + (m ? m + " menit" : "Tanpa batas") + "</option>"; }).join("") +
    '</select> <button type="button" class="tkp-btn" data-act="start">Mulai simulasi</button></p>' +
    '<p><button type="button" class="tkp-btn" data-act="reset">Hapus semua jawaban</button></p>' +
    (store ? "" : '<p class="tkp-warn">Penyimpanan peramban tidak tersedia: jawaban tetap dinilai, tetapi hilang bila halaman dimuat ulang.</p>') +
    '<p class="tkp-note" role="status"></p></fieldset>' +
    '<p class="tkp-timer" role="timer" hidden></p>';
  var finish = document.createElement("p");
  finish.innerHTML = '<button type="button" class="tkp-btn" data-act="finish">Selesai dan hitung skor</button>';
  out.parentNode.insertBefore(finish, out);
  out.setAttribute("tabindex", "-1");
  var note = app.querySelector(".tkp-note");
  var timer = app.querySelector(".tkp-timer");
  var select = app.querySelector("#tkp-min");

  function summary() {
    var sim = state.mode === SIM, rows = {}, order = [], total = 0, max = 0, answered = 0;
    items.forEach(function (item) {
      var s = score(item);
      if (s == null && !sim) return;
      var r = rows[item.ref.href];
      if (!r) { r = rows[item.ref.href] = { ref: item.ref, s: 0, m: 0, n: 0 }; order.push(r); }
      r.s += s || 0; r.m += 5; r.n += 1;
      total += s || 0; max += 5;
      if (s != null) answered += 1;
    });
    if (!max) return "<p>Belum ada soal yang dijawab.</p>";
    var pct = function (s, m) { return Math.round(100 * s / m); };
    var weak = order.filter(function (r) { return pct(r.s, r.m) < 80; });
    return '<p class="tkp-total"><strong>Skor ' + total + " dari " + max + " (" + pct(total, max) + "%).</strong> " +
      "Terjawab " + answered + " dari " + items.length + " soal" + (sim ? "; soal yang tidak dijawab bernilai 0." : ".") + "</p>" +
      "<table><caption>Rincian per butir materi (setiap soal dihitung pada butir utamanya)</caption>" +
      '<thead><tr><th scope="col">Butir materi</th><th scope="col">Soal</th><th scope="col">Skor</th><th scope="col">Maksimum</th><th scope="col">Persentase</th></tr></thead><tbody>' +
      order.map(function (r) {
        return '<tr><td><a href="' + esc(r.ref.href) + '">' + esc(r.ref.title) + "</a></td><td>" + r.n +
          '</td><td class="tkp-s">' + r.s + "</td><td>" + r.m + "</td><td>" + pct(r.s, r.m) + "%</td></tr>";
      }).join("") +
      "</tbody><tfoot><tr><th scope=\"row\">Jumlah</th><td>" + (sim ? items.length : answered) + "</td><td>" + total +
      "</td><td>" + max + "</td><td>" + pct(total, max) + "%</td></tr></tfoot></table>" +
      (weak.length
        ? "<p>Perlu dipelajari lagi (di bawah 80%):</p><ul>" + weak.map(function (r) {
          return '<li><a href="' + esc(r.ref.href) + '">' + esc(r.ref.title) + "</a></li>";
        }).join("") + "</ul>"
        : "<p>Semua butir materi mencapai 80% atau lebih.</p>");
  }

  function render() {
    var sim = state.mode === SIM, shown = !sim || state.done;
    app.querySelectorAll("[name=tkp-mode]").forEach(function (i) { i.checked = i.value === state.mode; });
    select.value = String(state.min);
    app.querySelector(".tkp-sim").hidden = !sim;
    finish.hidden = !sim || state.done;
    items.forEach(function (item) {
      var a = state.a[item.id], s = score(item);
      item.inputs.forEach(function (input, i) {
        input.checked = a === i;
        input.disabled = sim && state.done;
      });
      item.rows.forEach(function (row, i) { row.classList.toggle("tkp-chosen", a === i); });
      item.key.hidden = sim ? !state.done : s == null;
      setText(item.result, !shown ? "" : s == null ? (sim ? "Tidak dijawab (skor 0)." : "") :
        "Skor pilihan Anda: " + s + " dari 5." + (sim ? "" : " Alasan setiap pilihan ada di kunci di bawah ini."));
    });
    out.innerHTML = shown ? summary() :
      "<p>Skor dan rinciannya tampil setelah Anda menekan <strong>Selesai dan hitung skor</strong> atau waktunya habis.</p>";
  }

  function end(message) {
    state.done = true;
    state.end = 0;
    save();
    render();
    tick();
    setText(note, message + "Hasilnya ada di bagian Hasil.");
    out.focus();
  }

  function tick() {
    var left = state.mode === SIM && !state.done && state.end ? state.end - Date.now() : 0;
    if (left <= 0 && state.end && !state.done) return end("Waktu habis. ");
    timer.hidden = left <= 0;
    var sec = Math.ceil(left / 1000);
    setText(timer, "Sisa waktu " + Math.floor(sec / 60) + ":" + ("0" + sec % 60).slice(-2));
  }

  app.addEventListener("change", function (event) {
    if (event.target.name === "tkp-mode") {
      state.mode = event.target.value;
      state.done = false;
      state.end = 0;
    } else if (event.target === select) {
      state.min = +select.value;
    }
    save();
    render();
    tick();
  });

  document.addEventListener("click", function (event) {
    var act = event.target.getAttribute && event.target.getAttribute("data-act");
    if (act === "start") {
      state.a = {};
      state.done = false;
      state.end = state.min ? Date.now() + state.min * 60000 : 0;
      save();
      render();
      tick();
      setText(note, "Simulasi dimulai" + (state.min ? ", batas waktu " + state.min + " menit." : " tanpa batas waktu."));
      items[0].inputs[0].focus();
    } else if (act === "finish") {
      end("Simulasi selesai. ");
    } else if (act === "reset") {
      state.a = {};
      state.done = false;
      state.end = 0;
      save();
      render();
      tick();
      setText(note, "Semua jawaban dihapus.");
    }
  });

  items.forEach(function (item) {
    item.inputs.forEach(function (input, i) {
      input.addEventListener("change", function () {
        state.a[item.id] = i;
        save();
        render();
        if (state.mode !== SIM) item.key.open = true;
      });
    });
  });

  render();
  tick();
  setInterval(tick, 1000);
})();
