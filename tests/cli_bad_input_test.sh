# Bad inputs are reported by name and skipped; good ones are still stored; exit status 1.
source "$(dirname "$0")/lib.sh"
in=$WORK/in; mkdir -p "$in/sub"
good="أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، وقال وزير الزراعة إن الخطة تشمل قروضا ميسرة."
echo "$good" > "$in/good.txt"
: > "$in/empty.txt"
head -c 4096 /dev/urandom > "$in/random.bin"
printf 'خبر \xff\xfe عن الاقتصاد المحلي وارتفاع أسعار المواد الغذائية في الأسواق هذا الأسبوع.\n' > "$in/sub/bad-utf8.txt"
printf '[{"title": "x", "content": "نص' > "$in/truncated.json"
printf 'PK\x03\x04 this is not really a zip' > "$in/truncated.zip"
printf '<html><body><p>نص' | gzip | head -c 20 > "$in/truncated.html.gz"
out=$("$MARSAD" ingest "$in" --db "$WORK/b.db" 2>&1) && fail "ingest must exit non-zero when inputs fail" || rc=$?
echo "$out"
expect_eq "$rc" 1 "exit status"
for f in empty.txt random.bin truncated.json truncated.zip truncated.html.gz; do
  expect_contains "$out" "$f" "failure list names $f"
done
expect_contains "$out" "ingested 2 new articles" "good inputs still stored"
expect_contains "$out" "invalid UTF-8" "repaired input is flagged"
"$MARSAD" ingest "$WORK/does-not-exist" --db "$WORK/b.db" >/dev/null 2>&1 && fail "missing path must fail" || true
"$MARSAD" stats --db "$WORK/nope/x.db" >/dev/null 2>&1 && fail "missing db dir must fail" || true
echo "not a database" > "$WORK/fake.db"
msg=$("$MARSAD" stats --db "$WORK/fake.db" 2>&1) && fail "garbage db must fail" || true
expect_contains "$msg" "fake.db" "error names the database"
echo "cli_bad_input: ok"
