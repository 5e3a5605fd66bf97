#!/usr/bin/env bash
# How long `tercuman serve` takes from a saved PO file to the reload event
# an open page receives: the debounce, the sync, the rebuild of the HTML
# editions and the event. Prints one line per run, in milliseconds.
#
# Usage: benches/serve.sh BOOK [RUNS] [SERVE-ARGS...]
#   BOOK: a copy of a synced book (its first Persian PO file is edited).
#   T: the tercuman binary (default: target/release/tercuman).
# Example: cp -r . /tmp/book && benches/serve.sh /tmp/book 10
#          benches/serve.sh /tmp/big 5 --locale fa
set -euo pipefail
BOOK=$1
RUNS=${2:-5}
shift $(($# >= 2 ? 2 : 1))
T=${T:-target/release/tercuman}
WORK=$(mktemp -d)
# Stops the server and waits for it, so that a next run on the same book
# does not meet its lock.
stop() {
    kill -INT "$SERVE" 2>/dev/null || true
    wait "$SERVE" 2>/dev/null || true
    rm -rf "$WORK"
}
trap stop EXIT
PO=$(ls "$BOOK"/locales/fa/*.po | head -1)
# The line of the first entry's msgstr.
LINE=$(awk '/^msgctxt /{e=1} e && /^msgstr /{print NR; exit}' "$PO")

"$T" --project "$BOOK" serve --port 0 "$@" >"$WORK/out" 2>"$WORK/err" &
SERVE=$!
until grep -q '^serving ' "$WORK/out"; do
    if ! kill -0 "$SERVE" 2>/dev/null; then
        cat "$WORK/err" >&2
        exit 1
    fi
    sleep 0.05
done
URL=$(grep -o 'http://[^/]*' "$WORK/out" | head -1)

# Prints, for each run, the time to the first reload event (the edited
# chapter's pages) and the time serve reports for the whole rebuild
# (every other page that changed, the search index, the dashboard).
rebuilt() { grep -c '^rebuilt in' "$WORK/out" || true; }
for run in $(seq "$RUNS"); do
    : >"$WORK/events"
    curl -sN "$URL/__tercuman/events" >"$WORK/events" &
    CURL=$!
    sleep 0.5
    done_before=$(rebuilt)
    start=$(date +%s%N)
    # A translator's edit, saved the way editors save (a new file renamed
    # over the old one): the first translated entry gets a new text.
    sed -i "${LINE}s/.*/msgstr \"ویرایش شمارهٔ $run از مترجم.\"/" "$PO"
    until grep -q '^event: reload' "$WORK/events"; do sleep 0.002; done
    end=$(date +%s%N)
    until [ "$(rebuilt)" -gt "$done_before" ]; do sleep 0.01; done
    whole=$(grep '^rebuilt in' "$WORK/out" | tail -1 | grep -o '[0-9]*')
    echo "$(((end - start) / 1000000)) ms to the reload, $whole ms the whole rebuild"
    kill "$CURL" 2>/dev/null || true
    wait "$CURL" 2>/dev/null || true
    sleep 0.3
done
