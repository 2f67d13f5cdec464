#!/usr/bin/env bash
# Times quiz bank generation, grading and test selection natively (release build) and prints the bank's size per
# question type. The target is the whole bank in under 5 ms. Extra arguments go to the example:
#   scripts/bench-quiz.sh              timings and counts
#   scripts/bench-quiz.sh --samples 5  also the first 5 questions of each type, with answers and evidence
#   scripts/bench-quiz.sh --list       also every question
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec cargo run --quiet --release --example bench_quiz -- "$@"
