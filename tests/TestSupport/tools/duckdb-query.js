// Runs SQL statements in one in-memory DuckDB and prints their results as JSON, so .NET tests can read our
// Parquet/CSV/JSON output with an independent reader in a single process start.
//   stdin:  [{"id": "...", "sql": "..."}, ...]
//   stdout: {"<id>": {"columns": [...], "types": [...], "rows": [[...], ...]} | {"error": "..."}, ...}
// Values are DuckDB's JSON forms (BIGINT as a string, so counts above 2^53 survive). Needs @duckdb/node-api,
// found through NODE_PATH (tests/tools/node_modules).
'use strict';
const { DuckDBInstance } = require('@duckdb/node-api');

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const queries = JSON.parse(Buffer.concat(chunks).toString('utf8'));

  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  const results = {};
  for (const { id, sql } of queries) {
    try {
      const reader = await connection.runAndReadAll(sql);
      results[id] = {
        columns: reader.columnNames(),
        types: reader.columnTypes().map((t) => t.toString()),
        rows: reader.getRowsJson(),
      };
    } catch (e) {
      results[id] = { error: String(e && e.message ? e.message : e) };
    }
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
