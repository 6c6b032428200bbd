//! The two database engines behind [`crate::Store`]: SQLite (embedded, the default) and PostgreSQL (a
//! server, for teams). Store code speaks one small SQL interface: statements with `?1`, `?2`, …
//! placeholders, [`SqlValue`] parameters and [`Rows`] results. Engine differences that SQL cannot hide
//! (full-text search, JSON access, the schema version) stay in the migrations and in a few `match`es.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::{Result, StoreError};

/// A parameter or result cell, as both engines can exchange it.
#[derive(Clone, Debug, PartialEq)]
pub enum SqlValue {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl SqlValue {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            SqlValue::Text(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            SqlValue::Int(n) => Some(*n),
            SqlValue::Real(x) => Some(*x as i64),
            SqlValue::Text(s) => s.parse().ok(),
            SqlValue::Null => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            SqlValue::Int(n) => Some(*n as f64),
            SqlValue::Real(x) => Some(*x),
            SqlValue::Text(s) => s.parse().ok(),
            SqlValue::Null => None,
        }
    }
    /// Text of a text cell, or `None` for NULL; numbers are written out.
    pub fn into_string(self) -> Option<String> {
        match self {
            SqlValue::Text(s) => Some(s),
            SqlValue::Null => None,
            v => Some(v.to_string()),
        }
    }
}

impl std::fmt::Display for SqlValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SqlValue::Null => f.write_str("NULL"),
            SqlValue::Int(n) => write!(f, "{n}"),
            SqlValue::Real(x) => write!(f, "{x}"),
            SqlValue::Text(s) => f.write_str(s),
        }
    }
}

impl From<&str> for SqlValue {
    fn from(s: &str) -> SqlValue {
        SqlValue::Text(s.to_string())
    }
}
impl From<String> for SqlValue {
    fn from(s: String) -> SqlValue {
        SqlValue::Text(s)
    }
}
impl From<i64> for SqlValue {
    fn from(n: i64) -> SqlValue {
        SqlValue::Int(n)
    }
}
impl From<f64> for SqlValue {
    fn from(x: f64) -> SqlValue {
        SqlValue::Real(x)
    }
}
impl<T: Into<SqlValue>> From<Option<T>> for SqlValue {
    fn from(v: Option<T>) -> SqlValue {
        v.map_or(SqlValue::Null, Into::into)
    }
}

/// A query result: column names and rows of cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<SqlValue>>,
}

/// Which engine a store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

pub(crate) enum Db {
    Sqlite(rusqlite::Connection),
    Postgres(RefCell<Pg>),
}

pub(crate) struct Pg {
    client: postgres::Client,
    /// Prepared statements by SQL text (the store issues a handful of fixed statements many times).
    prepared: HashMap<String, postgres::Statement>,
}

impl Db {
    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite(_) => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    pub fn connect_postgres(params: &str) -> Result<Db> {
        let client = postgres::Client::connect(params, postgres::NoTls)?;
        Ok(Db::Postgres(RefCell::new(Pg {
            client,
            prepared: HashMap::new(),
        })))
    }

    /// Runs one statement and returns its rows (none for statements that return none).
    pub fn query(&self, sql: &str, params: &[SqlValue]) -> Result<Rows> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let columns: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
                let n = columns.len();
                let mut rows =
                    stmt.query(rusqlite::params_from_iter(params.iter().map(to_sqlite)))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    out.push(
                        (0..n)
                            .map(|i| r.get_ref(i).map(from_sqlite))
                            .collect::<rusqlite::Result<_>>()?,
                    );
                }
                Ok(Rows { columns, rows: out })
            }
            Db::Postgres(pg) => {
                let (stmt, rows) = pg
                    .borrow_mut()
                    .run(sql, params, |c, stmt, args| c.query(stmt, args))?;
                let columns = stmt
                    .columns()
                    .iter()
                    .map(|c| c.name().to_string())
                    .collect();
                let rows = rows.iter().map(from_pg_row).collect::<Result<_>>()?;
                Ok(Rows { columns, rows })
            }
        }
    }

    /// Runs one statement; returns the number of rows it changed.
    pub fn execute(&self, sql: &str, params: &[SqlValue]) -> Result<u64> {
        match self {
            Db::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                Ok(stmt.execute(rusqlite::params_from_iter(params.iter().map(to_sqlite)))? as u64)
            }
            Db::Postgres(pg) => Ok(pg
                .borrow_mut()
                .run(sql, params, |c, stmt, args| c.execute(stmt, args))?
                .1),
        }
    }

    /// Runs several statements without parameters (migrations, `BEGIN`, `COMMIT`).
    pub fn batch(&self, sql: &str) -> Result<()> {
        match self {
            Db::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Db::Postgres(pg) => Ok(pg.borrow_mut().client.batch_execute(sql)?),
        }
    }

    /// Runs any SQL an analyst types and returns every cell as the engine prints it (PostgreSQL's
    /// simple protocol sends text), so that types the store never uses still show.
    pub fn query_text(&self, sql: &str) -> Result<Rows> {
        match self {
            Db::Sqlite(_) => self.query(sql, &[]),
            Db::Postgres(pg) => {
                let pg = &mut *pg.borrow_mut();
                let mut out = Rows::default();
                for m in pg.client.simple_query(sql)? {
                    match m {
                        postgres::SimpleQueryMessage::RowDescription(cols)
                            if out.columns.is_empty() =>
                        {
                            out.columns = cols.iter().map(|c| c.name().to_string()).collect();
                        }
                        postgres::SimpleQueryMessage::Row(r) => {
                            if out.columns.is_empty() {
                                out.columns =
                                    r.columns().iter().map(|c| c.name().to_string()).collect();
                            }
                            out.rows.push(
                                (0..r.len())
                                    .map(|i| {
                                        r.get(i).map_or(SqlValue::Null, |s| {
                                            SqlValue::Text(s.to_string())
                                        })
                                    })
                                    .collect(),
                            );
                        }
                        _ => {}
                    }
                }
                Ok(out)
            }
        }
    }
}

type PgArg<'a> = &'a (dyn postgres::types::ToSql + Sync);

impl Pg {
    /// Prepares `sql` (once), types `params` for it and hands both to `f`.
    fn run<T>(
        &mut self,
        sql: &str,
        params: &[SqlValue],
        f: impl FnOnce(
            &mut postgres::Client,
            &postgres::Statement,
            &[PgArg<'_>],
        ) -> std::result::Result<T, postgres::Error>,
    ) -> Result<(postgres::Statement, T)> {
        let stmt = self.statement(sql)?;
        let args = pg_args(&stmt, params)?;
        let refs: Vec<PgArg<'_>> = args.iter().map(|a| a.as_ref()).collect();
        let out = f(&mut self.client, &stmt, &refs)?;
        Ok((stmt, out))
    }

    fn statement(&mut self, sql: &str) -> Result<postgres::Statement> {
        if let Some(s) = self.prepared.get(sql) {
            return Ok(s.clone());
        }
        let stmt = self.client.prepare(&dollar_placeholders(sql))?;
        self.prepared.insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }
}

/// Rewrites SQLite's `?N` placeholders as PostgreSQL's `$N`, leaving quoted text alone.
pub(crate) fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quote: Option<char> = None;
    for c in sql.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '?' => {
                out.push('$');
                continue;
            }
            None => {}
        }
        out.push(c);
    }
    out
}

fn to_sqlite(v: &SqlValue) -> rusqlite::types::Value {
    use rusqlite::types::Value;
    match v {
        SqlValue::Null => Value::Null,
        SqlValue::Int(n) => Value::Integer(*n),
        SqlValue::Real(x) => Value::Real(*x),
        SqlValue::Text(s) => Value::Text(s.clone()),
    }
}

fn from_sqlite(v: rusqlite::types::ValueRef<'_>) -> SqlValue {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => SqlValue::Null,
        ValueRef::Integer(n) => SqlValue::Int(n),
        ValueRef::Real(x) => SqlValue::Real(x),
        ValueRef::Text(t) => SqlValue::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => SqlValue::Text(format!("<{} bytes>", b.len())),
    }
}

/// Typed PostgreSQL arguments for `params`, following the types the server inferred for the statement
/// (PostgreSQL, unlike SQLite, will not store an 8-byte integer in a 4-byte column).
fn pg_args(
    stmt: &postgres::Statement,
    params: &[SqlValue],
) -> Result<Vec<Box<dyn postgres::types::ToSql + Sync>>> {
    use postgres::types::Type;
    if stmt.params().len() != params.len() {
        return Err(StoreError::Invalid(format!(
            "statement takes {} parameters, {} given",
            stmt.params().len(),
            params.len()
        )));
    }
    stmt.params()
        .iter()
        .zip(params)
        .map(
            |(ty, v)| -> Result<Box<dyn postgres::types::ToSql + Sync>> {
                let bad = || StoreError::Invalid(format!("cannot pass {v:?} as {ty}"));
                Ok(match (v, ty) {
                    (SqlValue::Null, &Type::INT2) => Box::new(None::<i16>),
                    (SqlValue::Null, &Type::INT4) => Box::new(None::<i32>),
                    (SqlValue::Null, &Type::INT8) => Box::new(None::<i64>),
                    (SqlValue::Null, &Type::FLOAT4) => Box::new(None::<f32>),
                    (SqlValue::Null, &Type::FLOAT8) => Box::new(None::<f64>),
                    (SqlValue::Null, _) => Box::new(None::<String>),
                    (v, &Type::INT2) => {
                        Box::new(i16::try_from(v.as_i64().ok_or_else(bad)?).map_err(|_| bad())?)
                    }
                    (v, &Type::INT4) => {
                        Box::new(i32::try_from(v.as_i64().ok_or_else(bad)?).map_err(|_| bad())?)
                    }
                    (v, &Type::INT8) => Box::new(v.as_i64().ok_or_else(bad)?),
                    (v, &Type::FLOAT4) => Box::new(v.as_f64().ok_or_else(bad)? as f32),
                    (v, &Type::FLOAT8) => Box::new(v.as_f64().ok_or_else(bad)?),
                    (v, _) => Box::new(v.to_string()),
                })
            },
        )
        .collect()
}

fn from_pg_row(row: &postgres::Row) -> Result<Vec<SqlValue>> {
    use postgres::types::Type;
    (0..row.len())
        .map(|i| {
            let ty = row.columns()[i].type_();
            Ok(match *ty {
                Type::INT2 => row.try_get::<_, Option<i16>>(i)?.map(i64::from).into(),
                Type::INT4 => row.try_get::<_, Option<i32>>(i)?.map(i64::from).into(),
                Type::INT8 => row.try_get::<_, Option<i64>>(i)?.into(),
                Type::FLOAT4 => row.try_get::<_, Option<f32>>(i)?.map(f64::from).into(),
                Type::FLOAT8 => row.try_get::<_, Option<f64>>(i)?.into(),
                Type::BOOL => row.try_get::<_, Option<bool>>(i)?.map(i64::from).into(),
                // Types the store never selects (the analyst's own queries go through `query_text`).
                _ => row
                    .try_get::<_, Option<String>>(i)
                    .map_or_else(|_| SqlValue::Text(format!("<{ty}>")), SqlValue::from),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_dollars_outside_quotes() {
        assert_eq!(
            dollar_placeholders("SELECT '?1', \"a?\" FROM t WHERE x = ?1 AND y LIKE ?2 || '%'"),
            "SELECT '?1', \"a?\" FROM t WHERE x = $1 AND y LIKE $2 || '%'"
        );
    }

    #[test]
    fn values_convert_between_kinds() {
        assert_eq!(SqlValue::from(Some(3i64)).as_i64(), Some(3));
        assert_eq!(SqlValue::from(None::<&str>), SqlValue::Null);
        assert_eq!(SqlValue::Text("0.25".into()).as_f64(), Some(0.25));
        assert_eq!(SqlValue::Real(2.5).into_string().as_deref(), Some("2.5"));
    }
}
