// Answer the conformance suite's money.in_words cases with a JavaScript implementation of
// Vietnamese number reading, and write the answers as JSON Lines.
//
// usage: node in_words.mjs VECTORS_DIR > answers.jsonl
import { readFileSync } from "node:fs";
import { join } from "node:path";

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

// 0 < n < 1000; `full` reads an empty hundreds place ("không trăm").
function group(n, full, linh) {
  const h = Math.floor(n / 100), t = Math.floor(n / 10) % 10, u = n % 10;
  const w = [];
  if (h || full) w.push(DIGITS[h], "trăm");
  if (t === 0) {
    if (u) { if (w.length) w.push(linh); w.push(DIGITS[u]); }
    return w;
  }
  if (t === 1) w.push("mười"); else w.push(DIGITS[t], "mươi");
  if (u === 1) w.push(t > 1 ? "mốt" : "một");
  else if (u === 4) w.push(t > 1 ? "tư" : "bốn");
  else if (u === 5) w.push("lăm");
  else if (u) w.push(DIGITS[u]);
  return w;
}

// Scales repeat every 10⁹: nghìn, triệu, then tỷ (nghìn tỷ, triệu tỷ, tỷ tỷ…).
function words(n, leading, linh, thousand) {
  const high = n / 1000000000n, low = Number(n % 1000000000n);
  const w = [];
  if (high) { w.push(...words(high, leading, linh, thousand), "tỷ"); leading = false; }
  let rest = low;
  for (const [scale, name] of [[1000000, "triệu"], [1000, thousand], [1, ""]]) {
    const g = Math.floor(rest / scale);
    rest %= scale;
    if (g) { w.push(...group(g, !leading, linh)); if (name) w.push(name); leading = false; }
  }
  return w;
}

function inWords({ number, linh = "linh", thousand = "nghìn", dong = false, capitalize = false }) {
  let n = BigInt(number);
  const w = n === 0n ? ["không"] : [];
  if (n < 0n) { w.push("âm"); n = -n; }
  if (n > 0n) w.push(...words(n, true, linh, thousand));
  if (dong) w.push("đồng");
  const text = w.join(" ");
  return capitalize ? text[0].toUpperCase() + text.slice(1) : text;
}

const vectors = JSON.parse(readFileSync(join(process.argv[2], "money.json"), "utf8"));
for (const c of vectors.cases) {
  if (c.input.op !== "in_words") continue;
  console.log(JSON.stringify({ id: c.id, output: { words: inWords(c.input) } }));
}
