// Independent readers for the Parquet files Vectra writes: DuckDB and hyparquet (with hyparquet-compressors, whose
// decompressors add ZSTD, which the events export uses; hyparquet alone reads only Snappy and uncompressed pages).
// Every value is printed in a form that keeps it exact: integers, doubles and timestamps (µs) as strings,
// lists as arrays, nulls as null. Doubles use JavaScript's shortest round-trip form ("-0", "NaN", "Infinity" spelled out).
//
//   node check.mjs read <file.parquet>          rows and column types from DuckDB, rows from hyparquet
//   node check.mjs metadata <file.parquet>      DuckDB parquet_metadata(): per column chunk statistics and encodings
//   node check.mjs query "<sql>"                any DuckDB query (aggregates over big files)
//   node check.mjs write <in.json|in.csv> <out.parquet> [select-list] [repeat] [codec]   DuckDB loads the input (optionally
//                                               cast by the select list) into a table, then writes it with the codec (default
//                                               snappy) `repeat` times
//                                               (default 1) to new files (out.parquet, out-2.parquet, …); only each COPY is timed
//   node check.mjs tree <folder>                every *.parquet under the folder (sorted by path), each read by both readers
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetReadObjects, parquetMetadataAsync, asyncBufferFromFile } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

function exactNumber(x) {
  if (Number.isNaN(x)) return 'NaN';
  if (Object.is(x, -0)) return '-0';
  return String(x);
}

function normalize(value) {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'bigint': return value.toString();
    case 'number': return exactNumber(value);
    case 'boolean':
    case 'string': return value;
    default: break;
  }
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value.micros === 'bigint') return value.micros.toString();
  if (Array.isArray(value.items)) return value.items.map(normalize);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return (BigInt(value.getTime()) * 1000n).toString();
  return String(value);
}

function sqlString(text) {
  return `'${text.replaceAll("'", "''")}'`;
}

async function duckdb() {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}

async function duckdbRows(connection, sql) {
  const reader = await connection.runAndReadAll(sql);
  const names = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.toString());
  const rows = reader.getRows().map((row) => row.map(normalize));
  return { columns: names.map((name, i) => ({ name, type: types[i] })), rows };
}

async function hyparquetRows(file) {
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  const objects = await parquetReadObjects({
    file: buffer,
    metadata,
    compressors,
    parsers: { timestampFromMicroseconds: (micros) => micros },
  });
  return { rows: objects.map((o) => Object.values(o).map(normalize)) };
}

function parquetFiles(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((name) => name.endsWith('.parquet'))
    .map((name) => join(folder, name))
    .sort();
}

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  const connection = await duckdb();
  let result;
  switch (mode) {
    case 'read': {
      const file = args[0];
      result = {
        duckdb: await duckdbRows(connection, `SELECT * FROM read_parquet(${sqlString(file)})`),
        hyparquet: await hyparquetRows(file),
      };
      break;
    }
    case 'tree': {
      result = [];
      for (const file of parquetFiles(args[0])) {
        result.push({
          path: file,
          duckdb: await duckdbRows(connection, `SELECT * FROM read_parquet(${sqlString(file)}, hive_partitioning=false)`),
          hyparquet: await hyparquetRows(file),
        });
      }
      break;
    }
    case 'metadata': {
      result = await duckdbRows(connection, `SELECT row_group_id, row_group_num_rows, path_in_schema, type, num_values,
        stats_min_value, stats_max_value, stats_null_count, encodings, compression
        FROM parquet_metadata(${sqlString(args[0])}) ORDER BY row_group_id, column_id`);
      break;
    }
    case 'query': {
      result = await duckdbRows(connection, args[0]);
      break;
    }
    case 'write': {
      const [input, output, columns, repeat, codec] = args;
      const source = input.endsWith('.csv') ? `read_csv_auto(${sqlString(input)})` : `read_json_auto(${sqlString(input)})`;
      await connection.run(`CREATE TABLE source AS SELECT ${columns || '*'} FROM ${source}`);
      const copyMillis = [];
      const bytes = [];
      for (let i = 1; i <= Number(repeat ?? 1); i++) {
        // A new file each time, so no run overwrites (or is helped by) an earlier one's file.
        const target = i === 1 ? output : output.replace(/(\.parquet)?$/, `-${i}.parquet`);
        const started = process.hrtime.bigint();
        await connection.run(`COPY source TO ${sqlString(target)} (FORMAT parquet, COMPRESSION ${codec || 'snappy'})`);
        copyMillis.push(Number(process.hrtime.bigint() - started) / 1e6);
        bytes.push(statSync(target).size);
      }
      result = { copyMillis, bytes };
      break;
    }
    default:
      process.stderr.write('usage: node check.mjs read|metadata FILE | tree FOLDER | query SQL | write IN OUT [COLUMNS] [REPEAT] [CODEC]\n');
      process.exit(2);
  }
  process.stdout.write(JSON.stringify(result));
  process.stdout.write('\n');
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
