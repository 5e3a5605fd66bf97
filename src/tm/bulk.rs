//! Many rows inserted at once, their text bound without a copy.
//!
//! rusqlite binds every text and blob as `SQLITE_TRANSIENT`, so for each
//! value SQLite frees the one bound before, allocates and copies
//! (rusqlite#164, open since 2016). In a fresh clone's rebuild that was a
//! third of the inserts' instructions. Here a statement's values are bound
//! as `SQLITE_STATIC` for the length of one [`Borrowing::execute`] call,
//! which resets the statement and clears every binding before it returns:
//! no pointer SQLite holds outlives the values it borrows.

use std::ffi::{c_char, c_int, CStr};
use std::ptr;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{ffi, Connection, ToSql};

use crate::error::{Error, Result};

/// How many rows [`Inserts::rows`] puts in one statement.
pub(super) const ROWS_PER_STATEMENT: usize = 100;

/// Rows inserted many to a statement (`INSERT … VALUES (…), (…) …`): a
/// rebuild inserts hundreds of thousands, and SQLite's cost of running a
/// statement once per row was a third of its time. The full-size
/// statements stay prepared: a rebuild inserts each chapter's rows apart,
/// and preparing a statement of 1,400 parameters again for each was 2 %
/// of its time.
pub(super) struct Inserts<'conn> {
    conn: &'conn Connection,
    /// Statements of [`ROWS_PER_STATEMENT`] rows, by their insert, row
    /// and tail.
    full: std::collections::HashMap<String, Borrowing<'conn>>,
}

impl<'conn> Inserts<'conn> {
    pub(super) fn new(conn: &'conn Connection) -> Inserts<'conn> {
        Inserts {
            conn,
            full: Default::default(),
        }
    }

    /// Inserts `rows`, each as `row` (its placeholders) with the
    /// `values` it gives, `ROWS_PER_STATEMENT` to a statement
    /// `{insert} VALUES {row}, {row}, … {tail}`.
    pub(super) fn rows<T, const N: usize>(
        &mut self,
        insert: &str,
        row: &str,
        tail: &str,
        rows: &[T],
        values: impl for<'a> Fn(&'a T) -> [&'a dyn ToSql; N],
    ) -> Result<()> {
        let statement = |count: usize| {
            let rows = vec![row; count].join(", ");
            format!("{insert} VALUES {rows} {tail}")
        };
        let key = format!("{insert}\0{row}\0{tail}");
        let mut bound: Vec<&dyn ToSql> = Vec::with_capacity(N * ROWS_PER_STATEMENT);
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            bound.clear();
            for r in chunk {
                bound.extend(values(r));
            }
            if chunk.len() == ROWS_PER_STATEMENT {
                if !self.full.contains_key(&key) {
                    let prepared = Borrowing::prepare(self.conn, &statement(ROWS_PER_STATEMENT))?;
                    self.full.insert(key.clone(), prepared);
                }
                self.full
                    .get_mut(&key)
                    .expect("prepared above")
                    .execute(&bound)?;
            } else {
                Borrowing::prepare(self.conn, &statement(chunk.len()))?.execute(&bound)?;
            }
        }
        Ok(())
    }
}

/// A prepared statement that returns no rows, whose parameters are bound
/// without SQLite copying them, for as long as one `execute` runs.
pub(super) struct Borrowing<'conn> {
    conn: &'conn Connection,
    stmt: *mut ffi::sqlite3_stmt,
}

impl<'conn> Borrowing<'conn> {
    pub(super) fn prepare(conn: &'conn Connection, sql: &str) -> Result<Borrowing<'conn>> {
        let length = c_length(sql.len())?;
        let mut stmt = ptr::null_mut();
        // SAFETY: `sql` is valid for `length` bytes; the handle belongs to
        // `conn`, which the statement borrows until it is finalized.
        let rc = unsafe {
            let db = conn.handle();
            ffi::sqlite3_prepare_v2(
                db,
                sql.as_ptr().cast::<c_char>(),
                length,
                &mut stmt,
                ptr::null_mut(),
            )
        };
        if rc != ffi::SQLITE_OK {
            return Err(failure(conn, rc));
        }
        if stmt.is_null() {
            return Err(Error::Other(format!("no SQL statement in {sql:?}").into()));
        }
        Ok(Borrowing { conn, stmt })
    }

    /// Binds `values` to the statement's parameters in order, runs it, and
    /// clears the bindings again whatever the outcome.
    pub(super) fn execute(&mut self, values: &[&dyn ToSql]) -> Result<()> {
        // Owned outputs (an `i64` from a `bool`, say) live in `outputs`
        // until the bindings are cleared.
        // Sized once: collected through `Result`, the vector of 1,400
        // values grew (and was copied) eleven times per statement.
        let mut outputs: Vec<ToSqlOutput> = Vec::with_capacity(values.len());
        for v in values {
            outputs.push(v.to_sql()?);
        }
        let result = self.bind(&outputs).and_then(|()| self.step());
        // SAFETY: the statement is valid until `drop`; after these calls
        // it holds no pointer into `outputs` or `values`.
        unsafe {
            ffi::sqlite3_reset(self.stmt);
            ffi::sqlite3_clear_bindings(self.stmt);
        }
        result
    }

    fn bind(&mut self, outputs: &[ToSqlOutput]) -> Result<()> {
        // SAFETY: the statement is valid until `drop`.
        let expected = unsafe { ffi::sqlite3_bind_parameter_count(self.stmt) };
        if usize::try_from(expected).ok() != Some(outputs.len()) {
            return Err(
                rusqlite::Error::InvalidParameterCount(outputs.len(), expected as usize).into(),
            );
        }
        for (i, output) in outputs.iter().enumerate() {
            let value = match output {
                ToSqlOutput::Borrowed(value) => *value,
                ToSqlOutput::Owned(value) => ValueRef::from(value),
                _ => {
                    return Err(Error::Other(
                        "a value SQLite cannot bind here".to_string().into(),
                    ))
                }
            };
            self.bind_one(i as c_int + 1, value)?;
        }
        Ok(())
    }

    /// Binds one value; text and blobs by pointer (`SQLITE_STATIC`), which
    /// must stay valid until the bindings are cleared.
    fn bind_one(&mut self, index: c_int, value: ValueRef) -> Result<()> {
        // SAFETY: the statement is valid until `drop`; `execute` clears
        // every binding before the borrowed bytes can go.
        let rc = unsafe {
            match value {
                ValueRef::Null => ffi::sqlite3_bind_null(self.stmt, index),
                ValueRef::Integer(i) => ffi::sqlite3_bind_int64(self.stmt, index, i),
                ValueRef::Real(r) => ffi::sqlite3_bind_double(self.stmt, index, r),
                ValueRef::Text(text) => ffi::sqlite3_bind_text(
                    self.stmt,
                    index,
                    non_dangling(text).cast::<c_char>(),
                    c_length(text.len())?,
                    ffi::SQLITE_STATIC(),
                ),
                ValueRef::Blob([]) => ffi::sqlite3_bind_zeroblob(self.stmt, index, 0),
                ValueRef::Blob(blob) => ffi::sqlite3_bind_blob(
                    self.stmt,
                    index,
                    blob.as_ptr().cast(),
                    c_length(blob.len())?,
                    ffi::SQLITE_STATIC(),
                ),
            }
        };
        if rc != ffi::SQLITE_OK {
            return Err(failure(self.conn, rc));
        }
        Ok(())
    }

    fn step(&mut self) -> Result<()> {
        // SAFETY: the statement is valid until `drop`.
        match unsafe { ffi::sqlite3_step(self.stmt) } {
            ffi::SQLITE_DONE => Ok(()),
            ffi::SQLITE_ROW => Err(rusqlite::Error::ExecuteReturnedResults.into()),
            rc => Err(failure(self.conn, rc)),
        }
    }
}

impl Drop for Borrowing<'_> {
    fn drop(&mut self) {
        // SAFETY: the statement was prepared on this connection and is
        // finalized once.
        unsafe {
            ffi::sqlite3_finalize(self.stmt);
        }
    }
}

/// A pointer SQLite may keep for an empty text: an empty slice's is
/// dangling.
fn non_dangling(bytes: &[u8]) -> *const u8 {
    if bytes.is_empty() {
        c"".as_ptr().cast()
    } else {
        bytes.as_ptr()
    }
}

fn c_length(length: usize) -> Result<c_int> {
    c_int::try_from(length).map_err(|_| {
        rusqlite::Error::SqliteFailure(ffi::Error::new(ffi::SQLITE_TOOBIG), None).into()
    })
}

/// The connection's last error, as rusqlite reports it.
fn failure(conn: &Connection, rc: c_int) -> Error {
    // SAFETY: the handle is valid while `conn` is; SQLite's message is a
    // NUL-terminated string it owns, copied at once.
    let message = unsafe {
        let text = ffi::sqlite3_errmsg(conn.handle());
        (!text.is_null()).then(|| CStr::from_ptr(text).to_string_lossy().into_owned())
    };
    rusqlite::Error::SqliteFailure(ffi::Error::new(rc), message).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (a TEXT PRIMARY KEY, b INTEGER, c TEXT, d BLOB)")
            .unwrap();
        conn
    }

    #[test]
    fn rows_inserted_in_bulk_read_back_as_bound_whatever_is_freed_after() {
        let conn = table();
        let rows: Vec<(String, i64, Option<String>)> = (0..250)
            .map(|i| {
                (
                    format!("ağac-{i}\u{200c}"),
                    i,
                    (i % 3 == 0).then(|| "".to_string()),
                )
            })
            .collect();
        Inserts::new(&conn)
            .rows(
                "INSERT INTO t (a, b, c)",
                "(?, ?, ?)",
                "",
                &rows,
                |(a, b, c)| [a, b, c],
            )
            .unwrap();
        // The bound strings are gone; what SQLite keeps must be its own.
        drop(rows);
        let mut stmt = conn.prepare("SELECT a, b, c FROM t ORDER BY b").unwrap();
        let read: Vec<(String, i64, Option<String>)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(read.len(), 250);
        assert_eq!(read[7], ("ağac-7\u{200c}".to_string(), 7, None));
        assert_eq!(
            read[9],
            ("ağac-9\u{200c}".to_string(), 9, Some(String::new()))
        );
    }

    #[test]
    fn a_failed_insert_reports_sqlite_s_error_and_leaves_the_statement_usable() {
        let conn = table();
        let mut insert = Borrowing::prepare(&conn, "INSERT INTO t (a, b) VALUES (?, ?)").unwrap();
        let (key, one) = ("sözlük".to_string(), 1i64);
        insert.execute(&[&key, &one]).unwrap();
        let error = insert.execute(&[&key, &one]).unwrap_err().to_string();
        assert!(error.contains("UNIQUE constraint failed: t.a"), "{error}");
        let other = "kitab".to_string();
        insert.execute(&[&other, &one]).unwrap();
        let wrong = insert.execute(&[&other]).unwrap_err().to_string();
        assert!(wrong.contains("1") && wrong.contains("2"), "{wrong}");
        let count: i64 = conn
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 2);
    }

    #[test]
    fn an_empty_blob_is_bound_as_a_blob_not_as_null() {
        let conn = table();
        let mut insert = Borrowing::prepare(&conn, "INSERT INTO t (a, d) VALUES (?, ?)").unwrap();
        let empty: Vec<u8> = Vec::new();
        insert.execute(&[&"x", &empty]).unwrap();
        let kind: String = conn
            .query_row("SELECT typeof(d) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kind, "blob");
    }
}
