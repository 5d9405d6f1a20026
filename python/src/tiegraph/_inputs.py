"""Turning what ``Graph.load_*`` is given into an Arrow stream.

Called from the extension module only for inputs it cannot read itself:
paths other than ``.csv`` (read by the core's CSV reader), and objects
without the Arrow PyCapsule interface (pandas older than 2.2).
"""

from __future__ import annotations

import os
import queue
import sys
import threading
from typing import Any, Callable, Iterable, Iterator

from ._errors import InvalidArgumentError

_PARQUET = (".parquet", ".pq", ".parq")


def read_path(path: str | os.PathLike[str], dictionary: Iterable[str] = ()) -> Any:
    """A ``pyarrow.RecordBatchReader`` over a Parquet file, batch by batch.

    Parameters
    ----------
    path : str or os.PathLike
        A ``.parquet`` (or ``.pq``, ``.parq``) file; CSV files never come
        here, the core reads them.
    dictionary : iterable of str, default ()
        String columns to read as dictionaries where the file stores them
        as dictionary indices (see ``dictionary_columns``): decoding them
        is then about twice as fast, and the load resolves each value once
        instead of each row.

    Returns
    -------
    pyarrow.RecordBatchReader
        The file's row groups, read one batch at a time, a few batches
        ahead on a thread of their own (see ``prefetched``).

    Raises
    ------
    InvalidArgumentError
        Any other kind of file.
    """
    name = os.fspath(path)
    if not name.lower().endswith(_PARQUET):
        raise InvalidArgumentError(
            f"invalid argument data: cannot read {name!r}: "
            "expected a .csv or .parquet file, or a table with __arrow_c_stream__"
        )
    import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]

    first = pq.ParquetFile(name)
    as_dictionary = dictionary_columns(first.metadata, first.schema_arrow, dictionary)
    if as_dictionary:
        # the footer is read once: the second opening takes it as parsed
        first = pq.ParquetFile(name, metadata=first.metadata, read_dictionary=as_dictionary)
    return _reader(first.schema_arrow, prefetched(first.iter_batches(batch_size=1 << 17)))


def dictionary_columns(metadata: Any, schema: Any, names: Iterable[str]) -> list[str]:
    """The string columns among ``names`` whose pages hold dictionary indices.

    A Parquet writer stores a string column as a dictionary and indices
    until the dictionary grows too large (1 MB by default for pyarrow),
    then falls back to plain strings for the rest of the row group. Read
    as a dictionary, a column that fell back would be hashed value by
    value into one, slower than reading it plain; the metadata does not
    say which pages fell back, but their size does: a plain string takes
    at least four bytes (its length) besides its own, while indices into
    a dictionary that did not overflow take fewer.

    Parameters
    ----------
    metadata : pyarrow.parquet.FileMetaData
        The file's metadata.
    schema : pyarrow.Schema
        The file's columns as Arrow reads them: only strings are candidates
        (binary columns keep the type a load reports as wrong).
    names : iterable of str
        Candidate columns; names the file lacks are ignored.

    Returns
    -------
    list of str
        Each candidate, once, that in every non-empty row group has a
        dictionary page and less than four bytes a value in all.
    """
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    leaves = {metadata.schema.column(j).path: j for j in range(metadata.num_columns)}
    chosen = []
    for name in dict.fromkeys(names):
        j = leaves.get(name)
        field = schema.field(name) if name in schema.names else None
        if j is None or field is None or metadata.num_row_groups == 0:
            continue
        if not (pa.types.is_string(field.type) or pa.types.is_large_string(field.type)):
            continue
        chunks = [metadata.row_group(g).column(j) for g in range(metadata.num_row_groups)]
        if all(c.num_values == 0 or _indices(c) for c in chunks):
            chosen.append(name)
    return chosen


def _indices(chunk: Any) -> bool:
    """Whether a column chunk's pages are dictionary indices (see ``dictionary_columns``)."""
    return bool(chunk.has_dictionary_page and chunk.total_uncompressed_size < 4 * chunk.num_values)


def prefetched(batches: Iterable[Any], depth: int = 4) -> Iterator[Any]:
    """The same batches, read ahead on a thread while the caller works.

    pyarrow decodes Parquet with the interpreter released, and the graph
    ingests a batch detached from it: reading the next batches on a
    thread of their own overlaps the two, so a load from a file takes
    about as long as the longer of the two instead of their sum.

    Parameters
    ----------
    batches : iterable
        What to read ahead (record batches).
    depth : int, default 4
        How many batches may wait, read but not yet taken.

    Yields
    ------
    object
        Each item of ``batches``, in order. An error the reader raises is
        raised here, in the caller's thread, at its place in the order.
    """
    ready: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()
    end = object()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for batch in batches:
                if not put(batch):
                    return
            put(end)
        except BaseException as err:  # handed to the caller, raised there
            put(err)

    threading.Thread(target=read, name="tiegraph-read-ahead", daemon=True).start()
    try:
        while True:
            item = ready.get()
            if item is end:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        # the caller stopped early (an error, or it was dropped): let the
        # reader thread finish instead of waiting on a full queue forever
        stop.set()


def _reader(schema: Any, batches: Any) -> Any:
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    return pa.RecordBatchReader.from_batches(schema, batches)


def to_arrow(data: Any) -> Any:
    """An Arrow table for inputs without ``__arrow_c_stream__``.

    Parameters
    ----------
    data : object
        What the load was given; only a pandas DataFrame (pandas before
        2.2 has no PyCapsule interface) can be converted.

    Returns
    -------
    pyarrow.Table
        The DataFrame's columns, without its index.

    Raises
    ------
    TypeError
        ``data`` is not a pandas DataFrame.
    """
    # Only a module already imported can have made `data`: no import here.
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(data, pd.DataFrame):
        import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

        return pa.Table.from_pandas(data, preserve_index=False)
    raise TypeError(
        "data must be a path to a .csv or .parquet file, or a table that "
        "speaks the Arrow PyCapsule interface (pyarrow Table or RecordBatchReader, "
        f"polars or pandas DataFrame, DuckDB relation...), not {type(data).__name__}"
    )


class _Printer:
    """A one-line progress report on standard error."""

    def __init__(self) -> None:
        self.rows = 0

    def __call__(self, rows: int) -> None:
        self.rows = rows
        sys.stderr.write(f"\rtiegraph: {rows:,} rows read")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


class _Tqdm:
    def __init__(self, bar: Any) -> None:
        self.bar = bar

    def __call__(self, rows: int) -> None:
        self.bar.update(rows - self.bar.n)

    def close(self) -> None:
        self.bar.close()


def default_progress() -> Callable[[int], None]:
    """The reporter of ``progress=True``: tqdm when installed, else a line on stderr.

    Returns
    -------
    callable
        Called with the number of rows read so far; its ``close()`` ends
        the report.
    """
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        return _Printer()
    return _Tqdm(tqdm(unit=" rows", desc="tiegraph"))
