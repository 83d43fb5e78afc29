#!/usr/bin/env bash
# Times `journeymap render MAP -o x.png` against resvg's CLI rasterising
# the same poster (our SVG, the same pixel size, the same fonts), in
# alternating runs, and prints a table: median wall time of each, the
# median of the pairwise ratios, PNG sizes and peak memory.
#
#   bash bench/compare.sh [RUNS]        (default 9 runs of each)
#
# Needs cargo, GNU time (/usr/bin/time; Debian package `time`) and a
# resvg CLI: installed with `cargo install resvg --locked` when missing.
# Not part of CI: timings belong to the machine they were taken on.
set -euo pipefail

runs=${1:-9}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v resvg >/dev/null; then
    echo "resvg not found: cargo install resvg --locked" >&2
    cargo install resvg --locked >&2
fi
if [ ! -x /usr/bin/time ]; then
    echo "GNU time is needed: apt-get install -y time" >&2
    exit 2
fi
(cd "$root" && cargo build --release --quiet)
jm="$root/target/release/journeymap"

# The 12-stage map with 10 cards a stage that the criterion bench uses.
twelve="$work/twelve-by-ten.toml"
{
    echo 'title = "Twelve stages, ten cards each"'
    echo 'status = "validated"'
    for s in $(seq 1 12); do
        printf '\n[[stage]]\nname = "Stage %d"\ndoing = "Compares offers and reads reviews before deciding what to do next"\n' "$s"
        printf 'motivation = "A clear price and a trusted recommendation"\nconcerns = ["Hidden fees", "Is it reliable?"]\n'
        printf 'alleviation = ["All-inclusive price shown first"]\neffort = %d\neffort_note = "Needs three sites"\n' $((s % 5 + 1))
        for t in $(seq 1 10); do
            mot=false
            [ "$t" = 1 ] && mot=true
            printf '  [[stage.touchpoint]]\n  name = "Touchpoint %d of stage %d"\n  channel = "Website"\n  owner = "Digital"\n' "$t" "$s"
            printf '  actors = ["Traveller"]\n  marks = ["essential", "pain"]\n  moment_of_truth = %s\n  score = %d\n' "$mot" $((t % 5 + 1))
            printf '  note = "A note"\n  action = "Fix it"\n'
        done
    done
} >"$twelve"

# Seconds and peak KiB of one run of a command, as "SECONDS KIB".
measure() {
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
        cat "$work/stderr" >&2
        exit 1
    }
    cat "$work/time"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '| poster | pixels | journeymap | resvg | ratio | PNG journeymap | PNG resvg | peak journeymap | peak resvg |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for map in "$root/samples/airline.toml" "$root/samples/saas-onboarding.toml" "$root/samples/clinic-visit.toml" "$twelve"; do
    name=$(basename "$map" .toml)
    # Our SVG without embedded fonts: resvg reads no @font-face and is
    # given the same font files instead.
    "$jm" render "$map" --no-embed-fonts -o "$work/$name.svg" -o "$work/$name-ours.png" 2>/dev/null
    read -r w h < <(od -An -tu1 -j16 -N8 "$work/$name-ours.png" |
        awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }')
    : >"$work/ours" && : >"$work/theirs" && : >"$work/ratios"
    for _ in $(seq 1 "$runs"); do
        read -r ours ours_kb < <(measure "$jm" render "$map" -o "$work/$name-ours.png")
        read -r theirs theirs_kb < <(measure resvg --skip-system-fonts --use-fonts-dir "$root/fonts" \
            -w "$w" -h "$h" "$work/$name.svg" "$work/$name-resvg.png")
        echo "$ours $ours_kb" >>"$work/ours"
        echo "$theirs $theirs_kb" >>"$work/theirs"
        awk -v a="$ours" -v b="$theirs" 'BEGIN { if (b > 0) print a / b }' >>"$work/ratios"
    done
    ours=$(cut -d' ' -f1 "$work/ours" | median)
    theirs=$(cut -d' ' -f1 "$work/theirs" | median)
    ratio=$(median <"$work/ratios")
    ours_mb=$(cut -d' ' -f2 "$work/ours" | median | awk '{ printf "%.0f MB", $1 / 1024 }')
    theirs_mb=$(cut -d' ' -f2 "$work/theirs" | median | awk '{ printf "%.0f MB", $1 / 1024 }')
    size() { stat -c %s "$1" | awk '{ printf "%.0f KB", $1 / 1000 }'; }
    printf '| %s | %s×%s | %.3f s | %.3f s | %.2f | %s | %s | %s | %s |\n' "$name" "$w" "$h" "$ours" "$theirs" "$ratio" \
        "$(size "$work/$name-ours.png")" "$(size "$work/$name-resvg.png")" "$ours_mb" "$theirs_mb"
done
echo
echo "$runs alternating runs each; times are medians of wall time; the ratio is the median of the pairwise ratios."
echo "journeymap's time includes parsing the map, the layout and the SVG; resvg's starts from that SVG."
