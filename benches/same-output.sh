#!/usr/bin/env bash
# Behaviour unchanged: builds the shipped book with the tercuman of BASE
# (a git revision, default HEAD) and with the work tree's, then compares
# byte for byte what a user gets: PO files, memory rows, dist/ (EPUB, HTML,
# status page), XLIFF 1.2/2.1 and TMX exports, and the memory and PO files
# after importing a translated XLIFF and TMX file.
#
#   bash benches/same-output.sh [BASE]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
base=${1:-HEAD}
work=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$work/base-tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$repo" worktree add --quiet --detach "$work/base-tree" "$base"
(cd "$work/base-tree" && cargo build -q --target-dir "$repo/target/same-output-base")
(cd "$repo" && cargo build -q)
base_bin="$repo/target/same-output-base/debug/tercuman"
new_bin="$repo/target/debug/tercuman"

# Runs every step on the shipped book of tree $3 (each revision with the
# memory its schema reads) in one fixed folder, so that paths inside outputs
# agree, and keeps what it made under $work/$1.
run() {
    local name=$1 bin=$2 tree=$3 book="$work/book"
    rm -rf "$book" && mkdir -p "$book"
    cp -a "$tree/source" "$tree/locales" "$tree/tm" "$book/"
    export SOURCE_DATE_EPOCH=1764547200
    (
        cd "$book"
        "$bin" -q sync
        "$bin" -q build
        "$bin" -q export --format xliff --locale fa --out exports/fa.xlf
        "$bin" -q export --format xliff2 --locale tr --out exports/tr.xliff
        "$bin" -q export --format tmx --out exports/memory.tmx
        "$bin" status --json >exports/status.json
        # A CAT tool's round trip: the exported files come back.
        "$bin" -q import exports/fa.xlf
        "$bin" -q import exports/tr.xliff
        "$bin" -q tm import exports/memory.tmx
    )
    # Rows in a stable text form; times of this run (revisions the round
    # trip may add) are masked.
    python3 - "$book/tm/memory.sqlite" "$started" >"$book/memory.dump" <<'PY'
import re, sqlite3, sys
db, started = sqlite3.connect(sys.argv[1]), int(sys.argv[2])
now = lambda m: "NOW" if int(m.group()) >= started else m.group()
for line in db.iterdump():
    print(re.sub(r"\b1[0-9]{9}\b", now, line))
PY
    rm "$book/tm/memory.sqlite"
    mv "$book" "$work/$name"
}

started=$(date +%s)
run base "$base_bin" "$work/base-tree"
run new "$new_bin" "$repo"
# The build fingerprint and the sync stamp record file times and the
# binary, which differ between runs.
if diff -r -x .tercuman-build -x .sync-stamp -x '.build-stamp-*' "$work/base" "$work/new" >"$work/diff"; then
    echo "same output as $base: $(find "$work/new" -type f | wc -l) files compared"
else
    head -50 "$work/diff"
    echo "output differs from $base" >&2
    exit 1
fi
