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
    # With a journal, the index is local: each run builds its own, as a clone does.
    if [ -d "$book/tm/revisions" ]; then rm -f "$book"/tm/memory.sqlite*; fi
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
import datetime, re, sqlite3, sys
db, started = sqlite3.connect(sys.argv[1]), int(sys.argv[2])
now = lambda m: "NOW" if int(m.group()) >= started else m.group()
def iso(m):
    t = datetime.datetime.strptime(m.group(), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    return "NOW" if t.timestamp() >= started else m.group()
for line in db.iterdump():
    line = re.sub(r"\b1[0-9]{9}\b", now, line)
    line = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", iso, line)
    # Content hashes cover revision times (the journal's lines say them).
    line = re.sub(r"\b[0-9a-f]{16}\b", "HASH", line)
    print(line)
PY
    rm "$book/tm/memory.sqlite"
    # Journal lines of this run: their times, and the hashes that cover
    # them, are masked too.
    find "$book/tm" -name '*.tsv' -print0 | xargs -0 -r python3 - "$started" <<'PY'
import datetime, re, sys
started = int(sys.argv[1])
for path in sys.argv[2:]:
    out = []
    for line in open(path, encoding="utf-8").read().split("\n"):
        f = line.split("\t")
        if len(f) == 11 and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", f[1]):
            t = datetime.datetime.strptime(f[1], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
            if t.timestamp() >= started:
                f[1], f[2], f[3] = "NOW", "HASH", "PARENTS"
            line = "\t".join(f)
        out.append(line)
    open(path, "w", encoding="utf-8").write("\n".join(out))
PY
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
