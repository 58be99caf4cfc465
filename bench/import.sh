#!/usr/bin/env bash
# make bench-import: `hoot import stackexchange` on the largest shared dump and on synthetic dumps
# (bench/make_se_dump.py), each against what its parts cannot go below (bench/import_parts.cpp:
# expat reading every row, the per-row conversion, the search index and one stored copy of the
# words, summed and spread over the cores). Prints one line per dump (bench/README.md, "Stack
# Exchange import").
#
#   bash bench/import.sh HOOT IMPORT_PARTS
#   HOOT_IMPORT_SIZES="100000 1000000"   synthetic dumps to write and import (posts each)
#   HOOT_BENCH_DIR=/tmp/hoot-bench-import where dumps and databases go (about 2.3 GB per million)
set -euo pipefail

hoot=$(realpath "${1:?usage: bench/import.sh HOOT IMPORT_PARTS}")
parts=$(realpath "${2:?usage: bench/import.sh HOOT IMPORT_PARTS}")
here=$(cd "$(dirname "$0")" && pwd)
shared="$here/../../shared/data/stackexchange"
work=${HOOT_BENCH_DIR:-/tmp/hoot-bench-import}
sizes=${HOOT_IMPORT_SIZES:-"100000 1000000"}
cores=$(nproc)
mkdir -p "$work"

dumps=()
if [[ -d "$shared" ]]; then
    # The largest by its Posts.xml: the dump the issue asks to measure on.
    dumps+=("$(dirname "$(ls -S "$shared"/*/Posts.xml | head -1)")")
else
    echo "bench: no $shared; synthetic dumps only" >&2
fi
for n in $sizes; do
    dir="$work/synthetic-$n/synthetic.stackexchange.com"
    if [[ ! -f "$dir/Tags.xml" ]]; then
        echo "bench: writing a synthetic dump of $n posts to $dir" >&2
        rm -rf "$dir"
        python3 "$here/make_se_dump.py" "$dir" --posts "$n"
    fi
    dumps+=("$dir")
done

echo "$(date -u +%Y-%m-%dT%H:%MZ), $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?'), $cores cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-40s %9s %8s %9s %11s %9s %12s %7s\n' dump posts wall "CPU s" "posts/s" "peak MiB" \
    "parts posts/s" "import/parts"
for dump in "${dumps[@]}"; do
    rm -rf "$work/data"
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" \
        "$hoot" import stackexchange "$dump" --data "$work/data" >"$work/import.log" 2>&1 ||
        { cat "$work/import.log" >&2; exit 1; }
    read -r wall user sys peak_kb <"$work/time.txt"
    "$parts" "$dump" --db "$work/parts.sqlite3" --cores "$cores" >"$work/parts.txt" 2>/dev/null
    posts=$(sed -n 's/.*rows, \([0-9]*\) questions and answers.*/\1/p' "$work/parts.txt")
    ceiling=$(sed -n 's/^at most \([0-9]*\) posts.*/\1/p' "$work/parts.txt")
    awk -v name="$(basename "$(dirname "$dump")")/$(basename "$dump")" -v posts="$posts" \
        -v wall="$wall" -v cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
        -v peak="$peak_kb" -v ceiling="$ceiling" 'BEGIN {
            printf "%-40s %9d %7.2fs %9.2f %11.0f %9.0f %12.0f %6.0f%%\n", name, posts, wall, cpu,
                posts / wall, peak / 1024, ceiling, 100 * (posts / wall) / ceiling }'
    sed -n '/^part/,$p' "$work/parts.txt" | sed 's/^/    /'
done
rm -rf "$work/data" "$work/parts.sqlite3"
