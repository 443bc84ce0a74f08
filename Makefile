# One entry point for every maintainer task. `make help` lists them.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true $(VENV)/bin/mkdocs
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help setup serve build test check release clean qti anchors pdf offline sw audit bench

help: ## Daftar perintah
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	python3 -c 'import ensurepip' 2>/dev/null || bash scripts/install_system_packages.sh venv
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	bash scripts/install_system_packages.sh node
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

setup: $(VENV)/.installed node_modules/.installed ## Pasang paket Python (venv), paket npm, dan paket sistem yang belum ada
	bash scripts/install_system_packages.sh base

serve: setup ## Sajikan kursus di http://127.0.0.1:8000
	$(MKDOCS) serve --strict --dev-addr $(HOST):$(PORT)

build: setup ## Bangun situs statis ke site/ (mode ketat)
	$(MKDOCS) build --strict

test: build ## Pasang semuanya, bangun situs, dan jalankan semua tes
	$(VENV)/bin/pytest

check: setup ## Periksa cakupan materi: sumber, kerangka, isi, dan soal
	$(PY) scripts/check_coverage.py

qti: build ## Ekspor bank soal ke paket QTI (Moodle, Canvas): site/unduh/bank-soal-qti*.zip
	NO_MKDOCS_2_WARNING=1 $(PY) scripts/export_qti.py --out site/unduh

anchors: setup ## Catat halaman dan jangkar baru di source/anchors.yml (sesudah menambah judul atau soal)
	$(PY) scripts/anchors.py add

pdf: build ## Modul PDF seluruh kursus (A4, kunci jawaban): site/unduh/jejaring-kerja.pdf
	$(PY) scripts/build_pdf.py

offline: pdf ## Paket luring (zip, dibuka dari file:// tanpa internet): site/unduh/jejaring-kerja-offline.zip
	$(PY) scripts/build_offline.py

sw: build ## Service worker dan manifest (baca kursus di ponsel tanpa sinyal): site/sw.js
	node scripts/build_service_worker.mjs site

audit: setup ## Audit mutu: Lighthouse, axe, vnu, jaringan, dan anggaran ukuran di setiap halaman
	bash scripts/install_system_packages.sh java
	$(PY) scripts/audit.py

bench: setup ## Ukur waktu build, cek cakupan, PDF, paket luring, dan build 10x/50x
	$(PY) scripts/bench.py

release: check build qti pdf offline sw ## Semua yang diterbitkan: cek cakupan dan situs

clean: ## Hapus hasil build
	rm -rf site build
