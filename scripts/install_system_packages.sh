#!/usr/bin/env bash
# Install the Debian packages the course needs, only those that are missing.
# Usage: scripts/install_system_packages.sh [base|node|java]...
#   base  chromium (browser tests), hunspell-id (spell check), fonts for the PDF
#   node  Node.js and npm (offline bundle, service worker, audit tools)
#   java  a Java runtime (HTML validation with vnu in the audit)
#   venv  python3-venv, when the Python lacks ensurepip
set -euo pipefail

declare -A GROUPS_PACKAGES=(
  [base]="chromium hunspell hunspell-id fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0"
  [node]="nodejs npm"
  [java]="default-jre-headless"
  [venv]="python3-venv"
)

wanted=()
for group in "${@:-base}"; do
  [[ -n "${GROUPS_PACKAGES[$group]:-}" ]] || { echo "Grup paket tidak dikenal: $group" >&2; exit 2; }
  wanted+=(${GROUPS_PACKAGES[$group]})
done

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}
command_present() {
  case "$1" in
    nodejs) command -v node >/dev/null ;;
    npm) command -v npm >/dev/null ;;
    default-jre-headless) command -v java >/dev/null ;;
    *) return 1 ;;
  esac
}

missing=()
for package in "${wanted[@]}"; do
  is_installed "$package" || command_present "$package" || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Paket sistem berikut belum terpasang dan apt-get tidak tersedia: ${missing[*]}" >&2
  echo "Pasang paket tersebut secara manual, lalu ulangi perintahnya." >&2
  exit 1
fi
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "Paket sistem berikut belum terpasang: ${missing[*]}" >&2
  echo "Jalankan sebagai root atau dengan sudo: apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "Memasang paket sistem: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
