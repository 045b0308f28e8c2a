#!/usr/bin/env bash
# Runs every importer's fuzz target for SECONDS each (default 600), JOBS at a time (default 1),
# on the nightly toolchain; a crash stops that target and leaves its input in
# fuzz/artifacts/TARGET/.
#   cargo install cargo-fuzz && rustup toolchain install nightly   # once
#   scripts/fuzz.sh 600 2
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-600}"
jobs="${2:-1}"
targets=(workbook xlsform ods xls cities_csv members_csv partners_csv edition_toml focus_group_toml index_tables search_query)
mkdir -p logs
cargo +nightly fuzz build --release
run() {
  local target="$1"
  mkdir -p "corpus/$target"
  # -rss_limit_mb bounds memory as the server's limits should; -timeout flags any input slower than 10 s.
  cargo +nightly fuzz run --release "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    > "logs/$target.log" 2>&1 && echo "$target: no crash in $seconds s" || echo "$target: FAILED (see fuzz/logs/$target.log)"
}
for ((i = 0; i < ${#targets[@]}; i += jobs)); do
  for ((j = i; j < i + jobs && j < ${#targets[@]}; j++)); do
    run "${targets[j]}" &
  done
  wait
done
grep -h "stat::number_of_executed_units\|Done " logs/*.log || true
