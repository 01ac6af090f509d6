# marsad search: Arabic-aware matching (name variants, clitics), phrases, filters, output
# formats, and clear errors (bad query: exit 2; no database: exit 3).
source "$(dirname "$0")/lib.sh"
in=$WORK/in; mkdir -p "$in"
echo "قال الرئيس الأمريكي دونالد ترامب إن المحادثات مع الصين كانت مثمرة وإن البيت الأبيض سيصدر بيانا." > "$in/a.txt"
echo "التقى دونالد ترمب وزير الخارجية في واشنطن لبحث العلاقات التجارية بين البلدين هذا الأسبوع." > "$in/b.txt"
echo "رفضت الحكومة الدنماركية عرضا لشراء جزيرة جرينلاند، وقالت إن الجزيرة ليست للبيع على الإطلاق." > "$in/c.txt"
"$MARSAD" ingest "$in" --db "$WORK/s.db" -q || fail "ingest failed"

total() { python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["total"])'; }
expect_eq "$("$MARSAD" search ترمب --db "$WORK/s.db" --format jsonl | total)" 2 "ترمب finds ترامب too"
expect_eq "$("$MARSAD" search ترامب --db "$WORK/s.db" --format jsonl | total)" 2 "ترامب finds ترمب too"
expect_eq "$("$MARSAD" search غرينلاند --db "$WORK/s.db" --format jsonl | total)" 1 "غرينلاند finds جرينلاند"
expect_eq "$("$MARSAD" search '=ترمب' --db "$WORK/s.db" --format jsonl | total)" 1 "=word: exact form only"
expect_eq "$("$MARSAD" search '"البيت الأبيض"' --db "$WORK/s.db" --format jsonl | total)" 1 "phrase"
expect_eq "$("$MARSAD" search 'ترمب -واشنطن' --db "$WORK/s.db" --format jsonl | total)" 1 "NOT"
expect_eq "$("$MARSAD" search 'الصين OR الدنمارك' --db "$WORK/s.db" --format jsonl | total)" 2 "OR; الدنماركية shares الدنمارك's stem"
expect_eq "$("$MARSAD" search جرينلاند --since 2999-01-01 --db "$WORK/s.db" --format jsonl | total)" 0 "date filter"

# jsonl: the header, then one line per hit with highlight offsets into the snippet.
"$MARSAD" search ترمب --db "$WORK/s.db" --format jsonl | python3 -c '
import json, sys
lines = [json.loads(l) for l in sys.stdin]
assert lines[0]["total"] == 2 and len(lines) == 3, lines
for h in lines[1:]:
    marked = [h["snippet"][b:e] for b, e in h["highlights"]]
    assert marked and all(m in ("ترامب", "ترمب") for m in marked), marked
print("jsonl ok")'
table=$("$MARSAD" search ترمب --db "$WORK/s.db")
echo "$table"
expect_contains "$table" "2 matching articles" "table summary"
expect_contains "$table" "[ترامب]" "table marks the matched word"

# Errors.
rc=0; msg=$("$MARSAD" search '"البيت الأبيض' --db "$WORK/s.db" 2>&1) || rc=$?
expect_eq "$rc" 2 "unclosed quote exit status"
expect_contains "$msg" "unclosed quote" "unclosed quote message"
rc=0; msg=$("$MARSAD" search --db "$WORK/s.db" -- '-ترمب' 2>&1) || rc=$?
expect_eq "$rc" 2 "only-negative query exit status"
expect_contains "$msg" "only excluded terms" "only-negative message"
rc=0; msg=$("$MARSAD" search ترمب --since yesterday --db "$WORK/s.db" 2>&1) || rc=$?
expect_eq "$rc" 2 "bad date exit status"
expect_contains "$msg" "--since" "bad date message"
rc=0; msg=$("$MARSAD" search ترمب --db "$WORK/none.db" 2>&1) || rc=$?
expect_eq "$rc" 3 "missing database exit status"
echo "cli_search: ok"
