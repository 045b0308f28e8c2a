#!/usr/bin/env bash
# Times COINr's example pipeline on its ASEM data against `smartcities index` on the same data and
# the same choices (denominate, group-mean imputation, screening at 90 %, Winsorisation, min-max,
# arithmetic aggregation), and prints the ratio.
#
#   scripts/coinr-ratio.sh [REPETITIONS]
#
# Needs R with the COINr package (install.packages("COINr")) and the ASEM tables of
# ../shared/data/coinr-asem (or COINR_ASEM=DIR). Our side is the release binary, process start,
# reading, every stage and the audit written to disk included.
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-20}"
asem="${COINR_ASEM:-../shared/data/coinr-asem}"

if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'library(COINr)' >/dev/null 2>&1; then
  echo "R with the COINr package is not installed: nothing to compare against." >&2
  echo "Install R (apt-get install r-base-core) and COINr (install.packages(\"COINr\")), then run again." >&2
  exit 2
fi

coinr_seconds=$(Rscript --vanilla - "$reps" <<'R'
suppressPackageStartupMessages(library(COINr))
reps <- as.integer(commandArgs(trailingOnly = TRUE)[1])
run <- function() {
  coin <- new_coin(ASEM_iData, ASEM_iMeta, quietly = TRUE)
  coin <- Denominate(coin, dset = "Raw")
  coin <- Impute(coin, dset = "Denominated", f_i = "i_mean_grp", use_group = "EurAsia_group")
  coin <- Screen(coin, dset = "Imputed", dat_thresh = 0.9, unit_screen = "byNA")
  coin <- Treat(coin, dset = "Screened", global_specs = list(f1_para = list(winmax = 5)))
  coin <- Normalise(coin, dset = "Treated",
                    global_specs = list(f_n = "n_minmax", f_n_para = list(l_u = c(0, 100))))
  Aggregate(coin, dset = "Normalised", f_ag = "a_amean")
}
run()  # warm up
cat(system.time(for (i in seq_len(reps)) run())[["elapsed"]] / reps)
R
)

cargo build --release --quiet -p smartcities
binary="${CARGO_TARGET_DIR:-target}/release/smartcities"
spec=$(mktemp --suffix .toml)
out=$(mktemp -d)
trap 'rm -rf "$spec" "$out"' EXIT
printf '[impute]\nmethod = "group_mean"\ngroup = "EurAsia_group"\n[screen]\nmin_share = 0.9\n' >"$spec"
run_ours() { "$binary" index --data "$asem/iData.csv" --meta "$asem/iMeta.csv" --spec "$spec" -o "$out" >/dev/null; }
run_ours  # warm up
start=$(date +%s.%N)
for _ in $(seq "$reps"); do run_ours; done
ours_seconds=$(echo "($(date +%s.%N) - $start) / $reps" | bc -l)

printf 'COINr       %.4f s per pipeline\nsmartcities %.4f s per pipeline\nratio       %.0f×\n' \
  "$coinr_seconds" "$ours_seconds" "$(echo "$coinr_seconds / $ours_seconds" | bc -l)"
