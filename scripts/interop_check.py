#!/usr/bin/env python3
"""Check that Parquet files written by the Swift `Parquet` module read the same in
pyarrow, DuckDB, Polars and Spark, and match the CSV written next to them.

Usage:
    scripts/interop_check.py OUTDIR                      # every dataset under OUTDIR/parquet/
    scripts/interop_check.py --large BIN [--rows N]      # parquet-bench large, read back by all four
    scripts/interop_check.py OUTDIR --large BIN          # both
Options:
    --readers pyarrow,duckdb,polars,spark   subset of readers (default: all four)
    --workdir DIR                           where --large writes its file (default: a temp dir)

For each dataset folder OUTDIR/parquet/<dataset>/ (part-*.parquet files, possibly under Hive
folders such as report_year=2023/) it checks:
  * every reader gives the same row count and the same rows (as a multiset) as
    OUTDIR/csv/<dataset>.csv (UTF-8, RFC 4180, header row, empty field = null,
    dates YYYY-MM-DD; values compared after parsing by the Parquet column type;
    empty strings are treated as null on both sides, as the CSV cannot tell them apart);
  * each reader's column types are what the Parquet schema says (string, int32, int64,
    double, date32, bool) - in particular strings are not BINARY/BLOB - while Hive partition
    columns may come back as any integer or string type;
  * every column chunk is ZSTD-compressed and has statistics with null_count and min/max
    (min/max may only be absent for chunks that are all null or all NaN), and the min/max
    equal the chunk's actual minimum and maximum.
When OUTDIR/xlsx/ holds workbooks (`formats = ["xlsx"]`), each one is checked too:
  * Python's zipfile finds every entry's CRC-32 right; openpyxl reads it; its sheets are `<dataset>`, `<dataset> (2)`, ..., each starting with the
    CSV's header, and their rows in order equal the CSV's cell for cell, typed: text as text
    (Chinese intact), int32/int64 as whole numbers (int64 beyond 2^53 as text), doubles as
    numbers, dates as dates; the header row is frozen and bold;
  * pandas.read_excel (openpyxl engine) gives the same number of rows and columns;
  * reports_wide.xlsx converted by headless LibreOffice (`soffice --convert-to csv`) reads back
    equal to csv/reports_wide.csv.
Prints PASS/FAIL per dataset (and per large file) and exits non-zero on any failure.
Run it with the project's virtual environment: .venv/bin/python scripts/interop_check.py ...
(scripts/python-env creates it).
"""

from __future__ import annotations

import argparse
import csv
import re
import datetime as dt
import glob
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
import warnings
import zipfile

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq

ALL_READERS = ["pyarrow", "duckdb", "polars", "spark"]
warnings.filterwarnings("ignore", category=FutureWarning)
INT_TYPES = {"int32", "int64"}


# --------------------------------------------------------------------------- helpers


class Failure(Exception):
    pass


def parquet_files(folder: str) -> list[str]:
    return sorted(glob.glob(os.path.join(folder, "**", "*.parquet"), recursive=True))


def partition_keys(folder: str, files: list[str]) -> list[str]:
    keys: list[str] = []
    for path in files:
        rel = os.path.relpath(os.path.dirname(path), folder)
        if rel == ".":
            continue
        for part in rel.split(os.sep):
            if "=" in part:
                key = part.split("=", 1)[0]
                if key not in keys:
                    keys.append(key)
    return keys


def parquet_column_type(column) -> str:
    """The type a column should have in every reader, from the Parquet schema itself."""
    physical = column.physical_type
    logical = str(column.logical_type)
    converted = str(column.converted_type)
    if physical == "BYTE_ARRAY":
        if "String" not in logical:
            return f"binary(logical={logical})"
        if converted != "UTF8":
            # DuckDB (and older readers) look at the converted type; without UTF8 they see BLOB.
            return f"string-without-UTF8-converted-type({converted})"
        return "string"
    if physical == "INT32":
        if "Date" in logical:
            return "date32" if converted == "DATE" else f"date-without-DATE-converted-type({converted})"
        return "int32"
    if physical == "INT64":
        return "int64"
    if physical == "DOUBLE":
        return "double"
    if physical == "BOOLEAN":
        return "bool"
    return f"unsupported({physical},{logical})"


def file_schema(path: str) -> dict[str, str]:
    schema = pq.ParquetFile(path).schema
    return {schema.column(i).name: parquet_column_type(schema.column(i)) for i in range(len(schema))}


def normalize(value, kind: str):
    """One comparable representation per logical value, whatever the reader returned."""
    if value is None:
        return None
    if kind == "string":
        if isinstance(value, (bytes, bytearray)):
            value = value.decode("utf-8")
        value = str(value)
        return None if value == "" else value
    if kind in INT_TYPES or kind == "partition-int":
        return int(value)
    if kind == "double":
        value = float(value)
        return "NaN" if math.isnan(value) else value
    if kind == "date32":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return dt.date.fromisoformat(str(value))
    if kind == "bool":
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "t", "yes")
        return bool(value)
    if kind == "partition-str":
        return str(value)
    return value


# A CSV text field that would start like a spreadsheet formula is written with a `'` in front
# (docs/datasets.md); Parquet keeps the text as it is.
NEUTRALIZED = re.compile(r"'+[=+\-@\t\r]")


def parse_csv_value(text: str, kind: str):
    if text == "":
        return None
    if kind == "double":
        return normalize(float(text), kind)
    if kind in ("string", "partition-str") and NEUTRALIZED.match(text):
        text = text[1:]
    return normalize(text, kind)


def rows_equal(a: tuple, b: tuple) -> bool:
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if isinstance(x, float) and isinstance(y, float):
            if not math.isclose(x, y, rel_tol=1e-12, abs_tol=0.0):
                return False
        elif x != y:
            return False
    return True


def compare_rows(expected: list[tuple], actual: list[tuple], columns: list[str]) -> str | None:
    if len(expected) != len(actual):
        return f"{len(actual)} rows, CSV has {len(expected)}"
    expected_sorted = sorted(expected, key=repr)
    actual_sorted = sorted(actual, key=repr)
    bad = [(e, a) for e, a in zip(expected_sorted, actual_sorted) if not rows_equal(e, a)]
    if not bad:
        return None
    e, a = bad[0]
    diffs = [f"{c}: csv={x!r} read={y!r}" for c, x, y in zip(columns, e, a) if x != y]
    return f"{len(bad)} differing rows (after sorting); first: " + "; ".join(diffs[:4])


# --------------------------------------------------------------------------- readers


class Readers:
    """Reads one dataset folder with each library; returns (columns, {column: type}, rows)."""

    def __init__(self, names: list[str]):
        self.names = names
        self._spark = None

    # Each reader maps its own type names onto the shared vocabulary.

    def pyarrow(self, folder: str, hive: bool):
        dataset = pads.dataset(folder, format="parquet", partitioning="hive" if hive else None)
        table = dataset.to_table()

        def kind(t):
            if pa.types.is_string(t) or pa.types.is_large_string(t):
                return "string"
            if pa.types.is_binary(t) or pa.types.is_large_binary(t):
                return "binary"
            if pa.types.is_int32(t):
                return "int32"
            if pa.types.is_int64(t):
                return "int64"
            if pa.types.is_float64(t):
                return "double"
            if pa.types.is_date32(t):
                return "date32"
            if pa.types.is_boolean(t):
                return "bool"
            if pa.types.is_dictionary(t):
                return kind(t.value_type)
            return str(t)

        types = {f.name: kind(f.type) for f in table.schema}
        rows = [tuple(r.values()) for r in table.to_pylist()]
        return table.column_names, types, rows

    def duckdb(self, folder: str, hive: bool):
        import duckdb

        con = duckdb.connect()
        pattern = os.path.join(folder, "**", "*.parquet").replace("'", "''")
        rel = con.sql(f"SELECT * FROM read_parquet('{pattern}', hive_partitioning = {str(hive).lower()})")
        mapping = {"VARCHAR": "string", "BLOB": "binary", "INTEGER": "int32", "BIGINT": "int64",
                   "DOUBLE": "double", "DATE": "date32", "BOOLEAN": "bool"}
        columns = list(rel.columns)
        types = {c: mapping.get(str(t), str(t)) for c, t in zip(columns, rel.types)}
        rows = rel.fetchall()
        con.close()
        return columns, types, rows

    def polars(self, folder: str, hive: bool):
        import polars as pl

        df = pl.read_parquet(os.path.join(folder, "**", "*.parquet"), hive_partitioning=hive)
        mapping = {pl.String: "string", pl.Binary: "binary", pl.Int32: "int32", pl.Int64: "int64",
                   pl.Float64: "double", pl.Date: "date32", pl.Boolean: "bool"}
        types = {}
        for name, dtype in df.schema.items():
            types[name] = next((v for k, v in mapping.items() if dtype == k), str(dtype))
        return df.columns, types, df.rows()

    def spark_session(self):
        if self._spark is None:
            from pyspark.sql import SparkSession

            # Quiet logging: a log4j2.properties in SPARK_CONF_DIR is read when the driver JVM
            # starts. With the root logger and the shell loggers at the same level Spark also
            # skips its "Setting default log level" banner.
            conf_dir = tempfile.mkdtemp(prefix="interop-spark-conf-")
            with open(os.path.join(conf_dir, "log4j2.properties"), "w") as f:
                f.write(
                    "rootLogger.level = error\n"
                    "rootLogger.appenderRef.stderr.ref = console\n"
                    "appender.console.type = Console\n"
                    "appender.console.name = console\n"
                    "appender.console.target = SYSTEM_ERR\n"
                    "appender.console.layout.type = PatternLayout\n"
                    "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex\n"
                    "logger.repl.name = org.apache.spark.repl.Main\n"
                    "logger.repl.level = error\n"
                    "logger.gateway.name = org.apache.spark.api.python.PythonGatewayServer\n"
                    "logger.gateway.level = error\n"
                )
            os.environ["SPARK_CONF_DIR"] = conf_dir
            # Local mode only: bind to loopback (also silences the hostname warning).
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            self._spark = (
                SparkSession.builder.master("local[1]")
                .appName("parquet-interop-check")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "1")
                .getOrCreate()
            )
            self._spark.sparkContext.setLogLevel("ERROR")
        return self._spark

    def spark(self, folder: str, hive: bool):
        from pyspark.sql import types as T

        df = self.spark_session().read.parquet(folder)
        mapping = {T.StringType: "string", T.BinaryType: "binary", T.IntegerType: "int32", T.LongType: "int64",
                   T.DoubleType: "double", T.DateType: "date32", T.BooleanType: "bool"}
        types = {f.name: next((v for k, v in mapping.items() if isinstance(f.dataType, k)), str(f.dataType))
                 for f in df.schema.fields}
        rows = [tuple(r) for r in df.collect()]
        return df.columns, types, rows

    def read(self, name: str, folder: str, hive: bool):
        return getattr(self, name)(folder, hive)

    def stop(self):
        if self._spark is not None:
            self._spark.stop()
            self._spark = None


# --------------------------------------------------------------------------- file checks


def check_chunks(path: str, schema_types: dict[str, str]) -> list[str]:
    """Codec and statistics of every column chunk, and that min/max are the real bounds."""
    problems = []
    pf = pq.ParquetFile(path)
    md = pf.metadata
    created_by = md.created_by or ""
    if " version " not in created_by or "(build " not in created_by:
        problems.append(f"created_by {created_by!r} is not 'name version x.y.z (build h)'")
    for g in range(md.num_row_groups):
        rg = md.row_group(g)
        for c in range(rg.num_columns):
            cc = rg.column(c)
            name = cc.path_in_schema
            where = f"{os.path.basename(path)} row group {g} column {name}"
            if cc.compression != "ZSTD":
                problems.append(f"{where}: codec {cc.compression}, expected ZSTD")
            st = cc.statistics
            if st is None or not cc.is_stats_set:
                problems.append(f"{where}: no statistics")
                continue
            if not st.has_null_count:
                problems.append(f"{where}: statistics lack null_count")
            values = pf.read_row_group(g, columns=[name]).column(0)
            if st.has_null_count and st.null_count != values.null_count:
                problems.append(f"{where}: null_count {st.null_count}, actual {values.null_count}")
            kind = schema_types.get(name)
            if kind == "double":
                values = pc.filter(values, pc.invert(pc.is_nan(values)))
            non_null = len(values) - values.null_count
            if not st.has_min_max:
                if non_null > 0:
                    problems.append(f"{where}: statistics lack min/max")
                continue
            if non_null == 0:
                problems.append(f"{where}: min/max written for a chunk with no comparable value")
                continue
            if kind in ("string", "int32", "int64", "double", "date32", "bool"):
                actual = pc.min_max(values)
                lo, hi = actual["min"].as_py(), actual["max"].as_py()
                if kind == "double":
                    ok = float(st.min) == lo and float(st.max) == hi
                else:
                    ok = st.min == lo and st.max == hi
                if not ok:
                    problems.append(f"{where}: min/max {st.min!r}/{st.max!r}, actual {lo!r}/{hi!r}")
    return problems


# --------------------------------------------------------------------------- datasets


def check_dataset(outdir: str, dataset: str, readers: Readers) -> list[str]:
    folder = os.path.join(outdir, "parquet", dataset)
    files = parquet_files(folder)
    if not files:
        return [f"no .parquet files under {folder}"]
    problems: list[str] = []
    keys = partition_keys(folder, files)
    hive = bool(keys)

    schemas = {f: file_schema(f) for f in files}
    first = schemas[files[0]]
    for f, s in schemas.items():
        if s != first:
            problems.append(f"{os.path.relpath(f, folder)} has schema {s}, {os.path.relpath(files[0], folder)} has {first}")
    for f in files:
        problems += check_chunks(f, schemas[f])
    for name, kind in first.items():
        if kind not in ("string", "int32", "int64", "double", "date32", "bool"):
            problems.append(f"column {name}: Parquet type {kind}")

    csv_path = os.path.join(outdir, "csv", f"{dataset}.csv")
    if not os.path.exists(csv_path):
        return problems + [f"missing {csv_path}"]
    with open(csv_path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        raw_rows = list(reader)

    kinds: dict[str, str] = {}
    for index, name in enumerate(header):
        if name in keys and first.get(name) in INT_TYPES:
            # In the files and in the Hive path: readers may take either (DuckDB takes the
            # path's inferred BIGINT), so it is checked as a partition column.
            kinds[name] = "partition-int"
        elif name in first:
            kinds[name] = first[name]
        elif name in keys:
            texts = [r[index] for r in raw_rows if r[index] != ""]
            kinds[name] = "partition-int" if all(t.lstrip("-").isdigit() for t in texts) else "partition-str"
        else:
            problems.append(f"CSV column {name} is neither in the Parquet schema nor a partition key")
            kinds[name] = "partition-str"
    for name in first:
        if name not in header:
            problems.append(f"Parquet column {name} is not in the CSV header")
    expected = [tuple(parse_csv_value(r[i], kinds[n]) for i, n in enumerate(header)) for r in raw_rows]

    for reader_name in readers.names:
        try:
            columns, types, rows = readers.read(reader_name, folder, hive)
        except Exception as error:  # a reader refusing the file is exactly what we look for
            problems.append(f"{reader_name}: cannot read: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
            continue
        for name in header:
            if name not in columns:
                problems.append(f"{reader_name}: column {name} missing (has {columns})")
        if any(name not in columns for name in header):
            continue
        for name in header:
            got = types.get(name)
            want = kinds[name]
            if want.startswith("partition"):
                if got not in ("int32", "int64", "string"):
                    problems.append(f"{reader_name}: partition column {name} read as {got}")
            elif got != want:
                problems.append(f"{reader_name}: column {name} read as {got}, Parquet says {want}")
        index = [columns.index(n) for n in header]
        actual = [tuple(normalize(row[i], kinds[n]) for i, n in zip(index, header)) for row in rows]
        mismatch = compare_rows(expected, actual, header)
        if mismatch:
            problems.append(f"{reader_name}: {mismatch}")
    return problems


# --------------------------------------------------------------------------- workbooks


def read_csv_file(path: str) -> tuple[list[str], list[list[str]]]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, list(reader)


def workbook_cell_problem(value, text: str, kind: str) -> str | None:
    """Whether a workbook cell (as openpyxl reads it) holds the CSV field `text` with its type."""
    if text == "":
        return None if value is None or value == "" else f"{value!r} where the CSV is empty"
    if kind in INT_TYPES:
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            return f"{value!r} ({type(value).__name__}) is not a whole number"
        if isinstance(value, str) and abs(int(text)) <= 2 ** 53:
            return f"{value!r} is text, but {text} fits a number exactly"
        return None if str(value) == text else f"{value!r} != {text}"
    if kind == "double":
        if isinstance(value, str):
            return None if value.lower() == text.lower() and not text.lstrip("-").replace(".", "", 1).isdigit() else f"{value!r} is text"
        return None if math.isclose(float(value), float(text), rel_tol=1e-15) else f"{value!r} != {text}"
    if kind == "date32":
        if not isinstance(value, dt.datetime):
            return f"{value!r} ({type(value).__name__}) is not a date"
        return None if value.date() == dt.date.fromisoformat(text) else f"{value.date()} != {text}"
    if NEUTRALIZED.match(text):
        text = text[1:]
    if not isinstance(value, str):
        return f"{value!r} ({type(value).__name__}) is not text"
    return None if value == text else f"{value!r} != {text!r}"


def check_workbook(outdir: str, dataset: str) -> list[str]:
    import openpyxl
    import pandas as pd

    path = os.path.join(outdir, "xlsx", f"{dataset}.xlsx")
    header, rows = read_csv_file(os.path.join(outdir, "csv", f"{dataset}.csv"))
    parquet = parquet_files(os.path.join(outdir, "parquet", dataset))
    types = file_schema(parquet[0]) if parquet else {}
    kinds = [types.get(name, "int32" if name == "report_year" else "string") for name in header]
    problems: list[str] = []
    with zipfile.ZipFile(path) as archive:
        damaged = archive.testzip()
        if damaged:
            problems.append(f"ZIP entry {damaged} does not match its CRC-32")
    book = openpyxl.load_workbook(path)
    expected_names = [dataset] + [f"{dataset} ({n})" for n in range(2, len(book.sheetnames) + 1)]
    if book.sheetnames != expected_names:
        problems.append(f"sheets {book.sheetnames}, expected {expected_names}")
    cells = []
    for sheet in book.worksheets:
        values = list(sheet.iter_rows(values_only=True))
        if not values or list(values[0]) != header:
            problems.append(f"sheet {sheet.title}: header {values[0] if values else None}, CSV has {header}")
            continue
        if sheet.freeze_panes != "A2":
            problems.append(f"sheet {sheet.title}: frozen panes at {sheet.freeze_panes}, not below the header")
        if not all(cell.font.b for cell in sheet[1]):
            problems.append(f"sheet {sheet.title}: the header is not bold")
        cells += [list(row) + [None] * (len(header) - len(row)) for row in values[1:]]
    if len(cells) != len(rows):
        problems.append(f"openpyxl reads {len(cells)} rows, the CSV has {len(rows)}")
    for number, (got, want) in enumerate(zip(cells, rows), start=2):
        for name, kind, value, text in zip(header, kinds, got, want):
            problem = workbook_cell_problem(value, text, kind)
            if problem:
                problems.append(f"row {number} column {name}: {problem}")
                break
        if len(problems) > 5:
            break
    frames = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    shape = (sum(len(f) for f in frames.values()), {tuple(f.columns) for f in frames.values()})
    if shape != (len(rows), {tuple(header)}):
        problems.append(f"pandas reads {shape[0]} rows with columns {shape[1]}, the CSV has {len(rows)} rows")
    return problems


def check_workbook_in_libreoffice(outdir: str, dataset: str) -> list[str]:
    """Converts the workbook to CSV with headless LibreOffice and compares it with the CSV."""
    if not shutil.which("soffice"):
        return ["soffice not found (scripts/test installs Debian's libreoffice-calc-nogui)"]
    with tempfile.TemporaryDirectory(prefix="xlsx-soffice-") as work:
        source = os.path.join(work, f"{dataset}.xlsx")
        shutil.copyfile(os.path.join(outdir, "xlsx", f"{dataset}.xlsx"), source)
        # Comma, double quotes, UTF-8 (76), from line 1; a profile of its own, so that runs at
        # the same time do not share one.
        command = ["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
                   "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", work, source]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
        converted = os.path.join(work, f"{dataset}.csv")
        if not os.path.exists(converted):
            return [f"LibreOffice did not convert {dataset}.xlsx: {done.stdout.strip()} {done.stderr.strip()}"]
        header, rows = read_csv_file(os.path.join(outdir, "csv", f"{dataset}.csv"))
        got_header, got_rows = read_csv_file(converted)
    if got_header != header:
        return [f"LibreOffice reads the header {got_header[:5]}..., the CSV has {header[:5]}..."]
    if len(got_rows) != len(rows):
        return [f"LibreOffice reads {len(got_rows)} rows, the CSV has {len(rows)}"]
    for number, (got, want) in enumerate(zip(got_rows, rows), start=2):
        want = [text[1:] if NEUTRALIZED.match(text) else text for text in want]
        if got != want:
            diffs = [f"{n}: {a!r} != {b!r}" for n, a, b in zip(header, got, want) if a != b]
            return [f"LibreOffice row {number}: " + "; ".join(diffs[:4])]
    if not any(any(ord(c) > 127 for c in field) for row in rows for field in row):
        return ["no non-ASCII text to compare"]
    return []


# --------------------------------------------------------------------------- large file


def large_aggregates(reader: str, path: str, sample_ids: list[int], readers: Readers) -> dict:
    """Row count, null counts, sums and samples of the parquet-bench large file via one reader."""
    cols = ["id", "name", "city", "note", "amount", "quantity", "flag", "day"]
    out: dict = {}
    if reader == "pyarrow":
        t = pq.read_table(path)
        out["types"] = {f.name: {"string": "string", "int64": "int64", "int32": "int32", "double": "double",
                                 "bool": "bool", "date32[day]": "date32"}.get(str(f.type), str(f.type)) for f in t.schema}
        out["rows"] = t.num_rows
        out["nulls"] = {c: t.column(c).null_count for c in cols}
        out["id_sum"] = pc.sum(t["id"]).as_py()
        out["quantity_sum"] = pc.sum(t["quantity"]).as_py()
        out["amount_sum"] = pc.sum(t["amount"]).as_py()
        out["flag_true"] = pc.sum(pc.cast(t["flag"], pa.int64())).as_py()
        out["name_chars"] = pc.sum(pc.utf8_length(t["name"])).as_py()
        out["name_non_ascii"] = pc.sum(pc.cast(pc.not_equal(pc.utf8_length(t["name"]), pc.binary_length(t["name"])), pa.int64())).as_py()
        out["city_distinct"] = len(pc.unique(t["city"]))
        out["day_min"], out["day_max"] = (str(v) for v in (pc.min(t["day"]).as_py(), pc.max(t["day"]).as_py()))
        sample = t.filter(pc.is_in(t["id"], pa.array(sample_ids, pa.int64()))).to_pylist()
    elif reader == "duckdb":
        import duckdb

        con = duckdb.connect()
        src = f"read_parquet('{path}')"
        everything = con.sql(f"SELECT * FROM {src}")
        out["types"] = {c: {"VARCHAR": "string", "BIGINT": "int64", "INTEGER": "int32", "DOUBLE": "double",
                            "BOOLEAN": "bool", "DATE": "date32"}.get(str(t), str(t))
                        for c, t in zip(everything.columns, everything.types)}
        row = con.sql(
            f"SELECT count(*), {', '.join(f'count(*) - count({c})' for c in cols)}, sum(id), sum(quantity), sum(amount), "
            f"count(*) FILTER (WHERE flag), sum(length(name)), count(*) FILTER (WHERE strlen(name) <> length(name)), "
            f"count(DISTINCT city), min(day), max(day) FROM {src}").fetchall()[0]
        out["rows"] = row[0]
        out["nulls"] = dict(zip(cols, row[1:9]))
        (out["id_sum"], out["quantity_sum"], out["amount_sum"], out["flag_true"], out["name_chars"],
         out["name_non_ascii"], out["city_distinct"], day_min, day_max) = row[9:]
        out["day_min"], out["day_max"] = str(day_min), str(day_max)
        rel = con.sql(f"SELECT * FROM {src} WHERE id IN ({', '.join(map(str, sample_ids))})")
        sample = [dict(zip(rel.columns, r)) for r in rel.fetchall()]
        con.close()
    elif reader == "polars":
        import polars as pl

        df = pl.read_parquet(path)
        out["types"] = {n: {pl.String: "string", pl.Int64: "int64", pl.Int32: "int32", pl.Float64: "double",
                            pl.Boolean: "bool", pl.Date: "date32"}.get(d, str(d)) for n, d in df.schema.items()}
        out["rows"] = df.height
        out["nulls"] = {c: df[c].null_count() for c in cols}
        out["id_sum"] = df["id"].sum()
        out["quantity_sum"] = df["quantity"].cast(pl.Int64).sum()
        out["amount_sum"] = df["amount"].sum()
        out["flag_true"] = df["flag"].cast(pl.Int64).sum()
        out["name_chars"] = df["name"].str.len_chars().sum()
        out["name_non_ascii"] = (df["name"].str.len_chars() != df["name"].str.len_bytes()).sum()
        out["city_distinct"] = df["city"].n_unique()
        out["day_min"], out["day_max"] = str(df["day"].min()), str(df["day"].max())
        sample = df.filter(pl.col("id").is_in(sample_ids)).to_dicts()
    elif reader == "spark":
        from pyspark.sql import functions as F

        df = readers.spark_session().read.parquet(path)
        out["types"] = {f.name: {"StringType()": "string", "LongType()": "int64", "IntegerType()": "int32",
                                 "DoubleType()": "double", "BooleanType()": "bool", "DateType()": "date32"}
                        .get(repr(f.dataType), repr(f.dataType)) for f in df.schema.fields}
        agg = df.agg(
            F.count(F.lit(1)).alias("rows"),
            *[(F.count(F.lit(1)) - F.count(c)).alias(f"null_{c}") for c in cols],
            F.sum("id"), F.sum("quantity"), F.sum("amount"),
            F.sum(F.when(F.col("flag"), 1).otherwise(0)),
            F.sum(F.length("name")),
            F.sum(F.when(F.length("name") != F.octet_length("name"), 1).otherwise(0)),
            F.countDistinct("city"), F.min("day"), F.max("day"),
        ).collect()[0]
        values = list(agg)
        out["rows"] = values[0]
        out["nulls"] = dict(zip(cols, values[1:9]))
        (out["id_sum"], out["quantity_sum"], out["amount_sum"], out["flag_true"], out["name_chars"],
         out["name_non_ascii"], out["city_distinct"], day_min, day_max) = values[9:]
        out["day_min"], out["day_max"] = str(day_min), str(day_max)
        sample = [r.asDict() for r in df.filter(F.col("id").isin(sample_ids)).collect()]
    else:
        raise ValueError(reader)
    out["samples"] = sorted(({k: (str(v) if isinstance(v, dt.date) else v) for k, v in r.items()} for r in sample),
                            key=lambda r: r["id"])
    return out


def check_large(binary: str, rows: int, workdir: str, readers: Readers) -> list[str]:
    path = os.path.join(workdir, "large.parquet")
    run = subprocess.run([binary, "large", "--rows", str(rows), "--out", path], capture_output=True, text=True)
    if run.returncode != 0:
        return [f"parquet-bench large failed: {run.stderr.strip()}"]
    summary = json.loads(run.stdout)
    problems: list[str] = []
    md = pq.ParquetFile(path).metadata
    if md.num_row_groups <= 1 or md.num_row_groups != summary["row_groups"]:
        problems.append(f"{md.num_row_groups} row groups, expected {summary['row_groups']} (> 1)")
    if md.num_rows != summary["rows"]:
        problems.append(f"footer says {md.num_rows} rows, expected {summary['rows']}")
    schema_types = file_schema(path)
    problems += check_chunks(path, schema_types)
    expected_samples = sorted(summary["samples"], key=lambda r: r["id"])
    sample_ids = [r["id"] for r in expected_samples]
    keys = ["rows", "nulls", "id_sum", "quantity_sum", "amount_sum", "flag_true", "name_chars",
            "name_non_ascii", "city_distinct", "day_min", "day_max"]
    for reader in readers.names:
        try:
            got = large_aggregates(reader, path, sample_ids, readers)
        except Exception as error:
            problems.append(f"{reader}: cannot read: {type(error).__name__}: {error}")
            continue
        for name, kind in summary["columns"].items():
            if got["types"].get(name) != kind:
                problems.append(f"{reader}: column {name} read as {got['types'].get(name)}, expected {kind}")
        for key in keys:
            want = summary[key]
            have = got[key]
            if isinstance(want, float) or isinstance(have, float):
                same = have is not None and math.isclose(float(have), float(want), rel_tol=1e-12)
            else:
                same = have == want
            if not same:
                problems.append(f"{reader}: {key} = {have!r}, expected {want!r}")
        if got["samples"] != expected_samples:
            problems.append(f"{reader}: sample rows differ: {got['samples'][:1]} vs {expected_samples[:1]}")
    return problems


# --------------------------------------------------------------------------- main


def report(label: str, problems: list[str], passed: str) -> int:
    """Prints one check's PASS line, or its FAIL line and problems; 1 when it failed."""
    if not problems:
        print(f"PASS {label}: {passed}")
        return 0
    print(f"FAIL {label}")
    for p in problems:
        print(f"     - {p}")
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", nargs="?", help="pipeline output folder holding parquet/ and csv/")
    parser.add_argument("--large", metavar="BIN", help="path of the parquet-bench binary; runs its 'large' mode")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows for --large (default 1000000)")
    parser.add_argument("--workdir", help="folder for the --large file (default: a temporary folder)")
    parser.add_argument("--readers", default=",".join(ALL_READERS), help="comma-separated subset of readers")
    args = parser.parse_args()
    if not args.outdir and not args.large:
        parser.error("give OUTDIR, --large BIN, or both")

    names = [r.strip() for r in args.readers.split(",") if r.strip()]
    unknown = [r for r in names if r not in ALL_READERS]
    if unknown:
        parser.error(f"unknown readers {unknown}")
    readers = Readers(names)
    failures = 0
    try:
        if args.outdir:
            datasets = sorted(d for d in os.listdir(os.path.join(args.outdir, "parquet"))
                              if os.path.isdir(os.path.join(args.outdir, "parquet", d)))
            if not datasets:
                print(f"FAIL {args.outdir}: no datasets under parquet/")
                failures += 1
            for dataset in datasets:
                try:
                    problems = check_dataset(args.outdir, dataset, readers)
                except Exception as error:
                    problems = [f"checker error: {error}\n{traceback.format_exc()}"]
                files = parquet_files(os.path.join(args.outdir, "parquet", dataset))
                label = f"{dataset} ({len(files)} file{'s' if len(files) != 1 else ''})"
                failures += report(label, problems, f"{', '.join(names)} agree with csv/{dataset}.csv; ZSTD; statistics ok")
            workbooks = sorted(f[:-len(".xlsx")] for f in os.listdir(os.path.join(args.outdir, "xlsx"))
                               if f.endswith(".xlsx")) if os.path.isdir(os.path.join(args.outdir, "xlsx")) else []
            for dataset in workbooks:
                try:
                    problems = check_workbook(args.outdir, dataset)
                    if dataset == "reports_wide":
                        problems += check_workbook_in_libreoffice(args.outdir, dataset)
                except Exception as error:
                    problems = [f"checker error: {error}\n{traceback.format_exc()}"]
                also = " and LibreOffice" if dataset == "reports_wide" else ""
                failures += report(f"xlsx/{dataset}.xlsx", problems,
                                   f"openpyxl, pandas{also} agree with csv/{dataset}.csv, typed; header frozen and bold")
        if args.large:
            workdir = args.workdir or tempfile.mkdtemp(prefix="parquet-large-")
            os.makedirs(workdir, exist_ok=True)
            problems = check_large(args.large, args.rows, workdir, readers)
            label = f"large ({args.rows} rows, {os.path.join(workdir, 'large.parquet')})"
            failures += report(label, problems, f"{', '.join(names)} agree on rows, row groups, nulls, sums, non-ASCII text, samples")
    finally:
        readers.stop()
    print(f"interop: {'FAIL' if failures else 'PASS'} ({failures} failing)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
