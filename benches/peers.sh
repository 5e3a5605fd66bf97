#!/usr/bin/env bash
# Times tercuman against the tools users would otherwise pick, in one run, on
# generated books: medians of RUNS runs, peak memory, and our/peer ratios.
#
#   benches/peers.sh                  # 100,000 and 1,000,000 words
#   benches/peers.sh 100000           # one size
#   RUNS=5 SLOW_RUNS=1 BENCH_DIR=/dev/shm/bench benches/peers.sh
#
# Peers are timed when installed: mdbook + mdbook-i18n-helpers (cargo install
# mdbook mdbook-i18n-helpers), po4a, gettext (msgmerge, msgfmt, msgen),
# translate-toolkit (pocount), pandoc. A missing one is reported, not faked.
# Results: a Markdown table on stdout and $BENCH_DIR/results.tsv.
# Never part of the test pass (it takes many minutes at 1,000,000 words).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$(mktemp -d /tmp/tercuman-bench.XXXXXX)}
RUNS=${RUNS:-3}
# Peers that take minutes per run at 1M words run this many times.
# Run with BENCH_DIR on a tmpfs (/dev/shm/…) to keep disk writeback out of
# the figures, and on an otherwise idle machine: all tools may use both cores.
SLOW_RUNS=${SLOW_RUNS:-1}
# A peer run longer than this (seconds) is stopped and reported as a bound.
LIMIT=${LIMIT:-1800}
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(100000 1000000); fi
mkdir -p "$WORK"
RESULTS=$WORK/results.tsv
: >"$RESULTS"
rm -f "$WORK/search-size.txt"

echo "building (release)…" >&2
(cd "$ROOT" && cargo build --release --quiet && cargo build --release --quiet --example corpus)
# Copies, so that a rebuild during the run cannot change what is measured.
mkdir -p "$WORK/bin"
cp "$ROOT/target/release/tercuman" "$ROOT/target/release/examples/corpus" "$WORK/bin/"
T=$WORK/bin/tercuman
CORPUS=$WORK/bin/corpus
export SOURCE_DATE_EPOCH=1767225600 NO_COLOR=1
have() { command -v "$1" >/dev/null 2>&1; }

# team_clones BOOK DIR: DIR/alice, a repository of BOOK, and DIR/bob, its
# clone, both set up; Alice translates one Turkish entry and Bob one
# Persian entry, each syncs and commits; Bob fetches Alice's branch.
team_clones() {
    local book=$1 dir=$2 g="git -c user.name=t -c user.email=t@e -c init.defaultBranch=main"
    rm -rf "$dir" && mkdir -p "$dir"
    cp -a "$book" "$dir/alice" && rm -f "$dir"/alice/tm/memory.sqlite* "$dir"/alice/tm/.*stamp*
    (cd "$dir/alice" && cp "$ROOT/.gitignore" .gitignore && $g init -q && "$T" git-setup >/dev/null && $g add -A && $g commit -qm book)
    $g clone -q "$dir/alice" "$dir/bob" && (cd "$dir/bob" && "$T" git-setup >/dev/null)
    for who in alice:tr bob:fa; do
        local name=${who%:*} lang=${who#*:} po
        po=$(ls "$dir/$name/locales/$lang"/*.po | head -1)
        python3 - "$po" <<'PY'
import sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
ctx = [i for i, l in enumerate(lines) if l.startswith("msgctxt ")][3]
at = next(i for i in range(ctx, len(lines)) if lines[i].startswith("msgstr "))
lines[at] = 'msgstr "A new translation."'
while lines[at + 1].startswith('"'):
    del lines[at + 1]
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
        (cd "$dir/$name" && "$T" sync >/dev/null 2>&1 && $g commit -qam "$name")
    done
    (cd "$dir/bob" && $g fetch -q "$dir/alice" main:alice)
}

# measure SIZE STEP TOOL RUNS PREPARE COMMAND: runs PREPARE (untimed) then
# COMMAND RUNS times under /usr/bin/time; records the median wall time and
# the largest peak resident set.
measure() {
    local size=$1 step=$2 tool=$3 runs=$4 prepare=$5 command=$6
    local times=() peak=0 i out status
    for ((i = 0; i < runs; i++)); do
        bash -c "$prepare"
        status=0
        /usr/bin/time -o "$WORK/time.out" -f '%e %M' timeout "$LIMIT" bash -c "$command" >/dev/null 2>"$WORK/last.err" || status=$?
        if [ "$status" -eq 124 ]; then
            printf '%s\t%s\t%s\t>%s\t%s\n' "$size" "$step" "$tool" "$LIMIT" "-" >>"$RESULTS"
            echo "  $size $step $tool: stopped after ${LIMIT}s" >&2
            return
        elif [ "$status" -ne 0 ]; then
            echo "  $size $step $tool: failed ($status): $(tail -3 "$WORK/last.err")" >&2
            printf '%s\t%s\t%s\tfailed\t-\n' "$size" "$step" "$tool" >>"$RESULTS"
            return
        fi
        out=$(tail -1 "$WORK/time.out")
        times+=("${out% *}")
        [ "${out#* }" -gt "$peak" ] && peak=${out#* }
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$step" "$tool" "$median" "$((peak / 1024))" >>"$RESULTS"
    echo "  $size $step $tool: ${median}s, $((peak / 1024)) MB" >&2
}

# An mdbook project over a book's chapters: $1 book, $2 mdbook dir, $3 backend.
mdbook_project() {
    local book=$1 dir=$2
    rm -rf "$dir" && mkdir -p "$dir/src"
    cp "$book"/source/*.md "$dir/src/"
    {
        echo "# Summary"
        echo
        for f in "$book"/source/*.md; do echo "- [$(basename "$f" .md)]($(basename "$f"))"; done
    } >"$dir/src/SUMMARY.md"
    case $3 in
        xgettext) printf '[book]\ntitle = "bench"\nlanguage = "en"\n\n[output.xgettext]\npot-file = "messages.pot"\n' ;;
        html) printf '[book]\ntitle = "bench"\nlanguage = "en"\n\n[preprocessor.gettext]\nafter = ["links"]\n\n[output.html]\n' ;;
    esac >"$dir/book.toml"
}

# PO files without msgctxt (gettext's fuzzy search only compares entries of
# the same context, and ours are per sentence), made unique, unwrapped.
strip_context() {
    local from=$1 to=$2
    mkdir -p "$to"
    for f in "$from"/*.po; do
        grep -v '^msgctxt ' "$f" | grep -v '^#~ msgctxt ' | msguniq --use-first --no-wrap -o "$to/$(basename "$f")" -
    done
}

for N in "${SIZES[@]}"; do
    echo "== $N words" >&2
    W=$WORK/$N
    rm -rf "$W" && mkdir -p "$W"
    slow=$RUNS
    [ "$N" -ge 1000000 ] && slow=$SLOW_RUNS
    "$CORPUS" "$W/orig" "$N" >/dev/null
    cp -r "$W/orig" "$W/rev" && "$CORPUS" "$W/rev" "$N" --revised >/dev/null
    words=$(cat "$W"/orig/source/*.md | wc -w)
    echo "  generated: $words words (wc -w), $(ls "$W"/orig/source/*.md | wc -l) chapters" >&2

    # 1. First sync of a fresh book vs mdbook-xgettext and po4a-updatepo.
    measure "$N" "first sync" tercuman "$RUNS" "rm -rf $W/s && cp -r $W/orig $W/s" "$T --project $W/s sync"
    if have mdbook && have mdbook-xgettext; then
        mdbook_project "$W/orig" "$W/mdx" xgettext
        measure "$N" "first sync" mdbook-xgettext "$RUNS" "rm -rf $W/mdx/po" "cd $W/mdx && mdbook build -d po"
    fi
    if have po4a-updatepo; then
        masters=$(for f in "$W"/orig/source/*.md; do printf ' -m %s' "$f"; done)
        measure "$N" "first sync" po4a-updatepo "$slow" "rm -f $W/po4a.po" \
            "po4a-updatepo -f text -o markdown -M UTF-8 $masters -p $W/po4a.po"
    fi

    # A translated book: first sync, pseudo-translations, sync to import them.
    rm -rf "$W/tr" && cp -r "$W/orig" "$W/tr"
    "$T" --project "$W/tr" sync 2>/dev/null
    "$CORPUS" --pseudo-translate "$W/tr" >/dev/null
    "$T" --project "$W/tr" sync 2>/dev/null

    # 2. Sync after the revision (fuzzy suggestions) vs msgmerge.
    measure "$N" "revised sync" tercuman "$RUNS" \
        "rm -rf $W/r && cp -r $W/tr $W/r && cp $W/rev/source/* $W/r/source/" "$T --project $W/r sync"
    if have msgmerge; then
        # Old: the translated fa files; new: the revised book's untranslated ones.
        rm -rf "$W/pot" && cp -r "$W/rev" "$W/pot" && "$T" --project "$W/pot" sync 2>/dev/null
        strip_context "$W/tr/locales/fa" "$W/mm-old"
        strip_context "$W/pot/locales/fa" "$W/mm-new"
        measure "$N" "revised sync" "msgmerge, one file per chapter" "$slow" "rm -rf $W/mm && mkdir $W/mm" \
            "for f in $W/mm-new/*.po; do b=\$(basename \$f); msgmerge --quiet --previous --no-wrap -o $W/mm/\$b $W/mm-old/\$b \$f || exit 1; done"
        # mdbook-i18n-helpers' layout: one PO file per language for the book.
        msgcat --use-first --no-wrap "$W"/mm-old/*.po -o "$W/whole-old.po"
        msgcat --use-first --no-wrap "$W"/mm-new/*.po -o "$W/whole-new.pot"
        measure "$N" "revised sync" "msgmerge, one file per language" "$slow" "rm -f $W/whole.po" \
            "msgmerge --quiet --previous --no-wrap -o $W/whole.po $W/whole-old.po $W/whole-new.pot"
        # Which edited sentences got a fuzzy suggestion from each.
        python3 - "$W/r/locales/fa" "$W/mm" "$W/rev/revision-edits.txt" "$N" >>"$WORK/overlap.txt" <<'PY'
import pathlib, sys
edited = set(pathlib.Path(sys.argv[3]).read_text().splitlines())
def fuzzy(d):
    out = set()
    for f in pathlib.Path(d).glob("*.po"):
        for entry in f.read_text().split("\n\n"):
            lines = entry.splitlines()
            if any(l.startswith("#~") for l in lines) or not any(l.startswith("#,") and "fuzzy" in l for l in lines):
                continue
            ids = [l for l in lines if l.startswith("msgid ")]
            if ids:
                text = ids[0][7:-1].replace('\\"', '"').replace("\\\\", "\\")
                out.add((f.name, text))
    return out
ours, theirs = fuzzy(sys.argv[1]), fuzzy(sys.argv[2])
print(f"{sys.argv[4]} words, all fuzzy entries: ours {len(ours)}, msgmerge {len(theirs)}, both {len(ours & theirs)}, "
      f"msgmerge only {len(theirs - ours)}, ours only {len(ours - theirs)}")
ours_e = {k for k in ours if k[1] in edited}
theirs_e = {k for k in theirs if k[1] in edited}
print(f"{sys.argv[4]} words, the {len(edited)} edited sentences: msgmerge suggests for {len(theirs_e)}, ours for {len(ours_e)}, "
      f"both {len(ours_e & theirs_e)}, msgmerge only {len(theirs_e - ours_e)}")
PY
        tail -2 "$WORK/overlap.txt" >&2
    fi

    # 3. Status vs msgfmt --statistics and pocount (every locale's files).
    measure "$N" "status" tercuman "$RUNS" "true" "$T --project $W/r status --json"
    if have msgfmt; then
        # One file at a time: msgfmt reads several files as one catalog.
        measure "$N" "status" "msgfmt --statistics" "$RUNS" "true" \
            "for f in $W/r/locales/*/*.po; do msgfmt --statistics -o /dev/null \$f 2>&1 || exit 1; done"
    fi
    if [ -x /usr/bin/pocount ]; then
        measure "$N" "status" pocount "$slow" "true" "/usr/bin/python3 /usr/bin/pocount $W/r/locales/*/*.po"
    fi
    # The plain table streams (no history for the progress chart).
    measure "$N" "status: table" tercuman "$RUNS" "true" "$T --project $W/r status"

    # 3b. Quality checks (glossary and the rules of `check`) vs pofilter's
    # default checks, every locale's files. Both exit non-zero on findings,
    # so their status is not a failure here.
    measure "$N" "check" tercuman "$RUNS" "true" "$T --project $W/r check --json >/dev/null || true"
    if [ -x /usr/bin/pofilter ]; then
        measure "$N" "check" pofilter "$slow" "rm -rf $W/pofilter" \
            "/usr/bin/python3 /usr/bin/pofilter -i $W/r/locales -o $W/pofilter || true"
    fi

    # 4. Editions: ours builds EPUB and HTML for all four languages in one
    # command; pandoc makes one English EPUB, then one HTML page.
    measure "$N" "build: 4 EPUB + 4 HTML" tercuman "$RUNS" "rm -rf $W/dist" "$T --project $W/r build --out $W/dist"
    measure "$N" "build: 4 EPUB" tercuman "$RUNS" "rm -rf $W/dist-epub" "$T --project $W/r build --only epub --out $W/dist-epub"
    measure "$N" "build: 4 HTML" tercuman "$RUNS" "rm -rf $W/dist-html" "$T --project $W/r build --only html --out $W/dist-html"
    for lang in "$W"/dist-html/html/*/search; do
        echo "$N $(basename "$(dirname "$lang")") $(du -sk "$lang" | cut -f1) kB in $(find "$lang" -type f | wc -l) files" >>"$WORK/search-size.txt"
    done
    if have pandoc; then
        measure "$N" "build: 1 EPUB" "pandoc -t epub3" "$slow" "rm -f $W/p.epub" \
            "pandoc -f markdown -t epub3 --metadata title=bench -o $W/p.epub $W/rev/source/*.md"
        measure "$N" "build: 1 HTML" "pandoc -t html" "$slow" "rm -f $W/p.html" \
            "pandoc -f markdown -t html5 -s --metadata title=bench -o $W/p.html $W/rev/source/*.md"
    fi
    if have mdbook && have mdbook-gettext && have msgen; then
        mdbook_project "$W/rev" "$W/mdh" xgettext
        (cd "$W/mdh" && mdbook build -d po >/dev/null 2>&1 && msgen po/messages.pot -o po/fa.po)
        mdbook_project "$W/rev" "$W/mdh.tmp" html && cp "$W/mdh.tmp/book.toml" "$W/mdh/book.toml"
        measure "$N" "build: 1 HTML" "mdbook + mdbook-gettext (fa)" "$RUNS" "rm -rf $W/mdh/out" \
            "cd $W/mdh && MDBOOK_BOOK__LANGUAGE=fa mdbook build -d out"
        echo "$N fa (mdbook, one file) $(du -ck "$W"/mdh/out/searchindex* | tail -1 | cut -f1) kB" >>"$WORK/search-size.txt"
    fi

    # 5. The CAT-tool round trip: export one locale as XLIFF (and the memory
    # as TMX), edit 1 % of the targets as a translator would, import. Reading
    # must be linear in the file's size: an import should cost no more than
    # the revised sync of the same book. translate-toolkit reads the same files.
    "$T" --project "$W/r" sync 2>/dev/null
    measure "$N" "export: XLIFF (fa)" tercuman "$RUNS" "rm -f $W/fa.xlf" \
        "$T --project $W/r export --format xliff --locale fa --out $W/fa.xlf"
    measure "$N" "export: TMX" tercuman "$RUNS" "rm -f $W/m.tmx" "$T --project $W/r tm export --tmx $W/m.tmx"
    python3 - "$W/fa.xlf" "$W/fa-edited.xlf" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
count = 0
def edit(m):
    global count
    count += 1
    return m.group(1) + ("(edited) " if count % 100 == 0 else "")
open(sys.argv[2], "w", encoding="utf-8").write(re.sub(r"(<target(?:\s[^>]*)?(?<!/)>)", edit, text))
PY
    # The copies keep their times (cp -a), as the translator's book does:
    # the sync an import starts with then has nothing to do.
    measure "$N" "import: XLIFF (fa)" tercuman "$RUNS" "rm -rf $W/x && cp -a $W/r $W/x" \
        "$T --project $W/x import $W/fa-edited.xlf"
    if [ -x /usr/bin/xliff2po ]; then
        measure "$N" "import: XLIFF (fa)" "xliff2po" "$slow" "rm -rf $W/x2p" \
            "/usr/bin/python3 /usr/bin/xliff2po $W/fa-edited.xlf $W/x2p.po"
    fi
    measure "$N" "import: TMX" tercuman "$RUNS" "rm -rf $W/x && cp -a $W/r $W/x" \
        "$T --project $W/x tm import $W/m.tmx"
    if [ -x /usr/bin/tmx2po ]; then
        measure "$N" "import: TMX" "tmx2po" "$slow" "rm -rf $W/t2p" \
            "/usr/bin/python3 /usr/bin/tmx2po $W/m.tmx $W/t2p.po"
    fi

    # 5b. Concordance: a name looked up in the English and every locale's
    # translations, the first time (the index is built) and then warm;
    # against grep over the PO files, what a translator does without it.
    measure "$N" "concordance: first query" tercuman 1 "rm -f $W/r/tm/concordance.sqlite*" \
        "$T --project $W/r tm concordance Tehran"
    measure "$N" "concordance: a name" tercuman "$RUNS" "true" "$T --project $W/r tm concordance Tehran"
    measure "$N" "concordance: a name" "grep -ri (PO files)" "$RUNS" "true" "grep -ri Tehran $W/r/locales"
    measure "$N" "concordance: a phrase" tercuman "$RUNS" "true" "$T --project $W/r tm concordance 'northern region'"
    measure "$N" "concordance: a phrase" "grep -ri (PO files)" "$RUNS" "true" "grep -ri 'northern region' $W/r/locales || true"

    # 5c. Alignment: a translated copy of the book in Markdown (every
    # sentence changed outside code fences, so that nothing reads as
    # untranslated) imported into a book synced but not translated,
    # against po4a-gettextize (paragraphs paired by structure; it does not
    # align sentences).
    rm -rf "$W/md-tr" && cp -r "$W/orig/source" "$W/md-tr"
    sed -i '/^```/,/^```/!{s/\bthe\b/ə/g; s/\bThe\b/Ə/g; s/\bof\b/ın/g; s/\bfor\b/üçün/g; s/\bnear\b/yaxın/g; s/\bwith\b/ilə/g; s/\band\b/və/g}' "$W"/md-tr/*.md
    measure "$N" "import: aligned Markdown (tr)" tercuman "$RUNS" "rm -rf $W/al && cp -a $W/s $W/al" \
        "$T --project $W/al import --aligned-markdown $W/md-tr --locale tr"
    if have po4a-gettextize; then
        pairs=$(for f in "$W"/orig/source/*.md; do printf ' -m %s -l %s' "$f" "$W/md-tr/$(basename "$f")"; done)
        measure "$N" "import: aligned Markdown (tr)" po4a-gettextize "$slow" "rm -f $W/gz.po" \
            "po4a-gettextize -f text -o markdown -M UTF-8 -L UTF-8 $pairs -p $W/gz.po"
    fi

    # 5d. Preview: from a saved PO file to the reload event of the page
    # (benches/serve.sh; the median of its runs, each after the first
    # build), and the whole rebuild that follows.
    rm -rf "$W/sv" && cp -a "$W/r" "$W/sv"
    T=$T bash "$ROOT/benches/serve.sh" "$W/sv" "$RUNS" >"$WORK/serve.out"
    median_ms() { sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR + 1) / 2)] / 1000}'; }
    printf '%s\t%s\t%s\t%s\t%s\n' "$N" "preview: PO save to reload" tercuman \
        "$(awk '{print $1}' "$WORK/serve.out" | median_ms)" "-" >>"$RESULTS"
    printf '%s\t%s\t%s\t%s\t%s\n' "$N" "preview: whole rebuild" tercuman \
        "$(awk '{print $6}' "$WORK/serve.out" | median_ms)" "-" >>"$RESULTS"

    # 6. Nothing changed: sync + build must skip their work.
    measure "$N" "no-op sync + build" tercuman "$RUNS" "true" \
        "$T --project $W/r sync && $T --project $W/r build --out $W/dist"

    # 7. A team in git: a fresh clone's first sync, which builds the index
    # from the journal (against our own first sync), and the merge of two
    # clones that each translated another segment (git's union merge of the
    # journal, our PO driver, then the sync that rebuilds the index).
    measure "$N" "first sync" "tercuman, fresh clone (index from the journal)" "$RUNS" \
        "rm -rf $W/c && cp -r $W/r $W/c && rm -f $W/c/tm/memory.sqlite*" "$T --project $W/c sync"
    team_clones "$W/r" "$W/team"
    measure "$N" "merge two clones" "git merge + sync" "$RUNS" \
        "rm -rf $W/team/m && cp -a $W/team/bob $W/team/m" \
        "cd $W/team/m && git -c user.name=b -c user.email=b@e merge -q --no-edit alice && $T --project $W/team/m sync"
done

# The table: our time and memory beside each peer's, as ratios.
{
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr)"
    echo "tools: tercuman $("$T" --version | cut -d' ' -f2); $(mdbook --version 2>/dev/null || echo 'no mdbook'); mdbook-i18n-helpers $(cargo install --list 2>/dev/null | awk '/^mdbook-i18n-helpers/ {print $2}' | tr -d 'v:'); $(msgmerge --version 2>/dev/null | head -1); po4a $(po4a-updatepo --version 2>/dev/null | head -1 | grep -o '[0-9][0-9.]*' | head -1); translate-toolkit $(dpkg-query -W -f '${Version}' translate-toolkit 2>/dev/null); $(pandoc --version 2>/dev/null | head -1)"
    echo "runs: median of $RUNS ($SLOW_RUNS for the slow peers at 1,000,000 words)"
    echo
    echo "| words | step | tool | median s | peak MB | ours ÷ peer (time) | ours ÷ peer (memory) |"
    echo "| ---: | --- | --- | ---: | ---: | ---: | ---: |"
    awk -F'\t' '
        { size[NR]=$1; step[NR]=$2; tool[NR]=$3; t[NR]=$4; m[NR]=$5
          if ($3 == "tercuman") { ot[$1 FS $2]=$4; om[$1 FS $2]=$5 } }
        END {
            for (i = 1; i <= NR; i++) {
                key = size[i] FS step[i]; ours = ot[key]
                if (step[i] == "build: 1 EPUB") key = size[i] FS "build: 4 EPUB"
                if (step[i] == "build: 1 HTML") key = size[i] FS "build: 4 HTML"
                ours = ot[key]
                rt = "-"; rm = "-"
                if (tool[i] != "tercuman" && ours != "" && t[i] + 0 > 0) rt = sprintf("%.3f", ours / t[i])
                if (tool[i] != "tercuman" && om[key] != "" && m[i] + 0 > 0) rm = sprintf("%.3f", om[key] / m[i])
                printf "| %s | %s | %s | %s | %s | %s | %s |\n", size[i], step[i], tool[i], t[i], m[i], rt, rm
            }
        }' "$RESULTS"
    echo
    [ -f "$WORK/overlap.txt" ] && sed 's/^/    /' "$WORK/overlap.txt"
    if [ -f "$WORK/search-size.txt" ]; then
        echo
        echo "search index per language (words, language, size):"
        sed 's/^/    /' "$WORK/search-size.txt"
    fi
} | tee "$WORK/table.md"
echo "results in $WORK" >&2
