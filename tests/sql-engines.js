// sql-engines.js: the node side of tests/sql.test and make bench-engines.
//   node sql-engines.js duckdb FILE.sql [THREADS]  run it, print CSV
//   node sql-engines.js duckdb-each F.sql...        each into F.csv (or
//                                                  its error into F.err)
//   node sql-engines.js parquet IN.csv OUT.parquet [DATEFORMAT]
//                                                  DuckDB converts
//   node sql-engines.js parse DIALECT FILE.sql      node-sql-parser parses
//                                                  (athena, bigquery, hive)
//   node sql-engines.js split IN.csv A.csv B.csv    data rows alternately
//                                                  into A and B, no header
//   node sql-engines.js columns IN.csv              the header as ClickHouse
//                                                  columns, all String
//   node sql-engines.js reconcile REPORT.json E.csv ingest --report's rows
//                                                  and cost per currency
//                                                  against sql --reconcile
//   node sql-engines.js compare-list LIST           each line "A B": compare,
//                                                  a line "ok"/"FAIL: why"
//   node sql-engines.js compare A.csv B.csv         same series, costs and
//                                                  quantities to 1e-9
// Modules come from NODE_PATH (a cache outside the source tree).
'use strict';
const fs = require('fs');

function csvLine(fields) {
  return fields.map((v) => {
    let s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }).join(',');
}

function parseCsv(text) {
  const rows = [];
  let row = [], f = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { f += '"'; i++; }
      else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; }
    else if (c !== '\r') f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  return rows;
}

async function connect(threads) {
  const { DuckDBInstance } = require('@duckdb/node-api');
  const opts = threads ? { threads: String(threads) } : {};
  const db = await DuckDBInstance.create(':memory:', opts);
  const con = await db.connect();
  await con.run("SET TimeZone='UTC'");
  return con;
}

async function runCsv(con, file) {
  const r = await con.runAndReadAll(fs.readFileSync(file, 'utf8'));
  const out = [csvLine(r.columnNames())];
  for (const row of r.getRows())
    out.push(csvLine(row.map((v) => (typeof v === 'bigint' ? v.toString() : v))));
  return out.join('\n') + '\n';
}

async function duckdb(file, threads) {
  process.stdout.write(await runCsv(await connect(threads), file));
}

async function duckdbEach(files) {
  const con = await connect();
  for (const f of files) {
    const base = f.replace(/\.sql$/, '');
    try { fs.writeFileSync(base + '.csv', await runCsv(con, f)); }
    catch (e) { fs.writeFileSync(base + '.err', String(e.message || e)); }
  }
}

async function parquet(input, output, dateformat) {
  const { DuckDBInstance } = require('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const q = (s) => "'" + s.replace(/'/g, "''") + "'";
  await con.run(`COPY (FROM read_csv(${q(input)}, delim = ',', quote = '"', escape = '"', header = true, null_padding = true, parallel = false${dateformat ? ', dateformat = ' + q(dateformat) : ''})) TO ${q(output)} (FORMAT parquet)`);
}

function parse(dialect, file) {
  const { Parser } = require('node-sql-parser');
  const sql = fs.readFileSync(file, 'utf8').replace(/^--.*$/mg, '');
  try {
    new Parser().astify(sql, { database: dialect });
  } catch (e) {
    const at = e.location ? e.location.start : null;
    if (at) e.message += `\nat line ${at.line} column ${at.column}: ` +
      sql.split('\n')[at.line - 1].slice(Math.max(0, at.column - 60), at.column + 40);
    throw e;
  }
}

function compare(a, b) {
  try {
    console.log(compareOne(a, b));
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}

function compareList(list) {
  for (const line of fs.readFileSync(list, 'utf8').split('\n').filter((l) => l)) {
    const [a, b] = line.split(' ');
    try { compareOne(a, b); console.log('ok'); }
    catch (e) { console.log('FAIL: ' + e.message.replace(/\n/g, ' ')); }
  }
}

function compareOne(a, b) {
  if (!fs.existsSync(b)) {
    const err = b.replace(/\.csv$/, '.err');
    throw new Error(fs.existsSync(err) ? fs.readFileSync(err, 'utf8').slice(0, 400) : `no ${b}`);
  }
  const x = parseCsv(fs.readFileSync(a, 'utf8'));
  const y = parseCsv(fs.readFileSync(b, 'utf8'));
  const fail = (m) => { throw new Error(`${a} vs ${b}: ${m}`); };
  if (x[0].join(',') !== y[0].join(',')) fail(`headers ${x[0]} / ${y[0]}`);
  if (x.length !== y.length) fail(`${x.length - 1} rows / ${y.length - 1} rows`);
  const numeric = new Set(['quantity', 'cost', 'rows']);
  for (let i = 1; i < x.length; i++)
    for (let j = 0; j < x[0].length; j++) {
      const u = x[i][j], v = y[i][j];
      if (numeric.has(x[0][j])) {
        const d = Math.abs(Number(u) - Number(v));
        if (!(d <= 1e-9 * Math.max(1, Math.abs(Number(u))))) fail(`row ${i} ${x[0][j]}: ${u} / ${v}`);
      } else if (u !== v) fail(`row ${i} ${x[0][j]}: '${u}' / '${v}'`);
    }
  return `${x.length - 1} rows agree`;
}

function split(input, a, b) {
  const rows = parseCsv(fs.readFileSync(input, 'utf8').replace(/^\ufeff/, ''));
  const out = [[], []];
  // Rows as long as the header, as ClickHouse wants them (ingest reads a
  // missing field as empty and ignores extra ones).
  const w = rows[0].length;
  rows.slice(1).forEach((r, i) => {
    while (r.length < w) r.push('');
    out[i % 2].push(csvLine(r.slice(0, w)));
  });
  fs.writeFileSync(a, out[0].join('\n') + '\n');
  fs.writeFileSync(b, out[1].join('\n') + '\n');
}

function reconcile(report, file) {
  const cur = {};
  for (const f of JSON.parse(fs.readFileSync(report, 'utf8')).files)
    for (const c of f.currencies) {
      const t = cur[c.currency] || (cur[c.currency] = { rows: 0, cost: 0 });
      t.rows += c.rows;
      t.cost += c.cost_read;
    }
  const x = parseCsv(fs.readFileSync(file, 'utf8'));
  const fail = (m) => { console.error(`${report} vs ${file}: ${m}`); process.exit(1); };
  if (x.length - 1 !== Object.keys(cur).length) fail(`${x.length - 1} currencies, report ${Object.keys(cur).length}`);
  for (const r of x.slice(1)) {
    const t = cur[r[0]];
    if (!t) fail(`currency '${r[0]}' not in the report`);
    if (Number(r[1]) !== t.rows) fail(`${r[0]}: ${r[1]} rows, report ${t.rows}`);
    if (!(Math.abs(Number(r[2]) - t.cost) <= 1e-9 * Math.max(1, Math.abs(t.cost)))) fail(`${r[0]}: cost ${r[2]}, report ${t.cost}`);
  }
  console.log(`${x.length - 1} currencies agree`);
}

(async () => {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'duckdb') await duckdb(args[0], args[1]);
  else if (cmd === 'parquet') await parquet(args[0], args[1], args[2]);
  else if (cmd === 'duckdb-each') await duckdbEach(args);
  else if (cmd === 'parse') parse(args[0], args[1]);
  else if (cmd === 'split') split(args[0], args[1], args[2]);
  else if (cmd === 'columns') {
    // The first line only (the file may be larger than a string holds).
    const fd = fs.openSync(args[0], 'r'), buf = Buffer.alloc(1 << 20);
    const got = fs.readSync(fd, buf, 0, buf.length, 0);
    fs.closeSync(fd);
    const first = buf.toString('utf8', 0, got).replace(/^\ufeff/, '').split('\n')[0];
    const h = parseCsv(first + '\n')[0];
    console.log(h.map((n) => '`' + n.replace(/[`\\]/g, '\\$&') + '` String').join(', '));
  } else if (cmd === 'reconcile') reconcile(args[0], args[1]);
  else if (cmd === 'compare-list') compareList(args[0]);
  else if (cmd === 'compare') compare(args[0], args[1]);
  else throw new Error('usage: duckdb|parquet|parse|compare ...');
})().catch((e) => { console.error(String(e.message || e).slice(0, 2000)); process.exit(1); });
