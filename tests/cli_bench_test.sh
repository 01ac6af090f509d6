# marsad bench: runs the suite on a small input, writes its Markdown block into a file
# (replacing the previous run's, keeping hand-written text), and reports a missing corpus.
source "$(dirname "$0")/lib.sh"
[ -d "$SHARED/data/html-extraction" ] && [ -d "$SHARED/data/ner/anercorp" ] || { echo "no $SHARED data: skipped"; exit 77; }
in=$WORK/in; mkdir -p "$in"
echo "قال الرئيس الأمريكي دونالد ترامب إن المحادثات مع الصين كانت مثمرة وإن البيت الأبيض سيصدر بيانا." > "$in/a.txt"
echo "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الأمريكي في الرياض لبحث الأزمة الأوكرانية." > "$in/b.txt"
printf '# Benchmarks\n\nHand-written prose.\n' > "$WORK/B.md"

out=$("$MARSAD" bench --corpus "$in" --shared "$SHARED" --write "$WORK/B.md" --annotate-articles 10) ||
  fail "bench failed: $out"
echo "$out" | tail -5
expect_contains "$out" "wrote the figures into $WORK/B.md" "bench says where it wrote"
md=$(cat "$WORK/B.md")
expect_contains "$md" "Hand-written prose." "text outside the block is kept"
for section in "Ingest end to end" "Stages, one thread each" "HTML main-text extraction" \
               "Named-entity recognition on ANERcorp"; do
  expect_contains "$md" "#### $section" "section $section"
done
for row in "2 documents, 2 stored" "annotator \`events\`" "NER alone" "search latency" "micro F1" \
           "all 121 pages" "machine: Linux"; do
  expect_contains "$md" "$row" "row $row"
done
# The HTML and NER figures are real measurements, not placeholders.
python3 - "$WORK/B.md" <<'PY'
import re, sys
md = open(sys.argv[1], encoding="utf-8").read()
f1 = float(re.search(r"\| all \d+ pages \| F1 ([0-9.]+)", md).group(1))
ner = float(re.search(r"\| micro F1 \| ([0-9.]+)", md).group(1))
assert 0.5 < f1 <= 1 and 0.5 < ner <= 1, (f1, ner)
print("extraction F1", f1, "NER F1", ner)
PY

# A second run replaces the block instead of adding one.
"$MARSAD" bench --corpus "$in" --shared "$SHARED" --write "$WORK/B.md" --annotate-articles 10 --no-peers >/dev/null ||
  fail "second bench run failed"
expect_eq "$(grep -c 'BEGIN marsad bench' "$WORK/B.md")" 1 "one generated block after two runs"
expect_eq "$(grep -c 'Hand-written prose.' "$WORK/B.md")" 1 "prose kept once"

# A missing corpus: usage error naming it.
rc=0; msg=$("$MARSAD" bench --corpus "$WORK/nope" 2>&1) || rc=$?
expect_eq "$rc" 2 "missing corpus exit status"
expect_contains "$msg" "$WORK/nope not found" "missing corpus message"
echo "cli_bench ok"
